package org.coalitionledger.ui;

import org.coalitionledger.security.user.UserEventLog;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import java.util.List;

/**
 * The audit page's section of user and token changes (security.user events, sealed into the audit tree like every
 * act but in no coalition's history): the newest {@value #SHOWN}.
 */
@ControllerAdvice(assignableTypes = AuditPages.class)
class UserEventsSection {

    static final int SHOWN = 100;

    private final UserEventLog log;

    UserEventsSection(UserEventLog log) {
        this.log = log;
    }

    @ModelAttribute("userEvents")
    List<UserEventLog.Entry> userEvents() {
        return log.latest(SHOWN);
    }
}
