package org.coalitionledger.ui;

import org.coalitionledger.security.user.UserEventLog;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;

/**
 * The audit page's section of user and token changes (security.user events, sealed into the audit tree like every
 * act but in no coalition's history): the newest {@value #SHOWN}, only those of the recorder the page's filter names.
 */
@ControllerAdvice(assignableTypes = AuditPages.class)
class UserEventsSection {

    static final int SHOWN = 100;

    private final UserEventLog log;

    UserEventsSection(UserEventLog log) {
        this.log = log;
    }

    /** The changes recorded by {@code recordedBy} when the page's recorder filter names one. */
    @ModelAttribute("userEvents")
    List<UserEventLog.Entry> userEvents(@RequestParam(required = false) String recordedBy) {
        return log.latest(recordedBy == null || recordedBy.isBlank() ? null : recordedBy.strip(), SHOWN);
    }
}
