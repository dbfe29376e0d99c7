package org.coalitionledger.agreement.command;

import org.coalitionledger.common.PartialDate;
import org.coalitionledger.common.Rejection;
import org.coalitionledger.common.Timeline;

import java.time.LocalDate;
import java.time.Period;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One state's acts under one agreement, and the rules they obey together on the effective-date timeline.
 * A signature on S commits the party for [S, S + term) when commitments start on the signature (for good when the
 * agreement has no term); a withdrawal on W ends it on W. Signing again while a signature stands is refused (when
 * commitments start on the signature, a signature stands until its term runs out); after a withdrawal a new
 * signature can follow.
 * A consent by ratification, acceptance or approval needs a standing signature; accession needs none; a second
 * consent needs a withdrawal that has taken effect in between. A notice of withdrawal needs a standing signature or
 * consent, and takes effect after the agreement's notice period (or on its own later date): from that day the
 * party has withdrawn, as after a withdrawal.
 */
final class CommitmentTimeline extends Timeline<CommitmentTimeline.Kind> {

    /** The kinds of act, in the order they take effect when they fall on the same day. */
    enum Kind implements Timeline.Kind {
        WITHDRAW("withdrawal"), SIGN("signature"), CONSENT("consent"), ACCEDE("accession"),
        NOTICE("notice of withdrawal");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }

    private final String agreement;
    private final Period term;
    private final boolean termFromSignature;
    private final Period noticePeriod;
    /** The date each notice of withdrawal takes effect on, by record id, when the notice gave one. */
    private final Map<String, PartialDate> takesEffect = new HashMap<>();

    CommitmentTimeline(String agreement, String party, Period term, boolean termFromSignature, Period noticePeriod) {
        super(party);
        this.agreement = agreement;
        this.term = term;
        this.termFromSignature = termFromSignature;
        this.noticePeriod = noticePeriod;
    }

    /** Remembers the date a notice takes effect on, as the notice gave it (null: after the notice period). */
    void noticeTakesEffect(String recordId, PartialDate date) {
        if (date != null) {
            takesEffect.put(recordId, date);
        }
    }

    /** Checks a notice of withdrawal with the date it takes effect on (null: after the notice period). */
    void checkNotice(Act<Kind> notice, PartialDate explicit) {
        noticeTakesEffect(notice.recordId(), explicit);
        try {
            check(notice);
        } finally {
            takesEffect.remove(notice.recordId());
        }
    }

    /** The day a notice takes effect on: its own date when it gave one, else the notice period after it. */
    private LocalDate effectOf(Act<Kind> notice) {
        PartialDate explicit = takesEffect.get(notice.recordId());
        return explicit != null ? explicit.start() : notice.date().start().plus(noticePeriod);
    }

    @Override
    protected void walk(List<Act<Kind>> timeline, Act<Kind> focus, String action) {
        Act<Kind> signature = null;
        LocalDate end = null;
        Act<Kind> consent = null;
        Act<Kind> notice = null;
        for (int i = 0; i < timeline.size(); i++) {
            Act<Kind> act = timeline.get(i);
            LocalDate day = act.date().start();
            if (notice != null && !day.isBefore(effectOf(notice))) {
                signature = null;
                consent = null;
                notice = null;
            }
            if (signature != null && end != null && !day.isBefore(end)) {
                signature = null;
            }
            String problem = null;
            String field = "party";
            switch (act.kind()) {
                case SIGN -> {
                    if (signature != null) {
                        problem = who() + " already signed " + agreement + " on " + signature.date()
                                + (end == null ? "" : " and is committed until " + end)
                                + "; a new signature can follow a withdrawal"
                                + (end == null ? "" : " or the end of the term");
                    } else {
                        signature = act;
                        end = termFromSignature && term != null ? day.plus(term) : null;
                    }
                }
                case CONSENT, ACCEDE -> {
                    if (consent != null) {
                        problem = who() + " already consented to be bound by " + agreement + " on " + consent.date()
                                + "; it may consent again only after a withdrawal of it has taken effect";
                    } else if (act.kind() == Kind.CONSENT && signature == null) {
                        field = "means";
                        problem = "a consent by ratification, acceptance or approval needs a signature by " + who()
                                + " on or before " + act.date() + "; accession needs none";
                    } else {
                        consent = act;
                    }
                }
                case NOTICE -> {
                    problem = noticeProblem(act, signature, consent, notice);
                    if (problem == null) {
                        notice = act;
                    } else if (problem.startsWith("takesEffect")) {
                        field = "takesEffect";
                    }
                }
                case WITHDRAW -> {
                    if (signature == null && consent == null && signedOnSameDay(timeline, i)) {
                        field = "effectiveDate";
                        problem = "a withdrawal must come after the signature: " + who() + " signed " + agreement
                                + " on " + act.date();
                    } else if (signature == null && consent == null) {
                        problem = who() + " has no active commitment under " + agreement + " on " + act.date()
                                + " to withdraw from";
                    } else if (signature != null && day.equals(signature.date().start())) {
                        field = "effectiveDate";
                        problem = "a withdrawal must come after the signature: " + who() + " signed " + agreement
                                + " on " + signature.date();
                    } else {
                        signature = null;
                        consent = null;
                        notice = null;
                    }
                }
                default -> throw new IllegalStateException("unknown kind " + act.kind());
            }
            if (problem != null) {
                throw refuse(act, focus, action, field, problem);
            }
        }
    }

    private String noticeProblem(Act<Kind> act, Act<Kind> signature, Act<Kind> consent, Act<Kind> notice) {
        if (notice != null) {
            return who() + " already gave notice of withdrawal from " + agreement + " on " + notice.date()
                    + ", taking effect on " + effectOf(notice);
        }
        if (signature == null && consent == null) {
            return who() + " has neither signed nor consented to be bound by " + agreement + " on " + act.date()
                    + ", so it has nothing to give notice of withdrawal from";
        }
        PartialDate explicit = takesEffect.get(act.recordId());
        if (explicit != null && noticePeriod != null
                && explicit.start().isBefore(act.date().start().plus(noticePeriod))) {
            return "takesEffect " + explicit + " is earlier than the notice period allows: a withdrawal notified on "
                    + act.date() + " takes effect after the withdrawalNotice period " + noticePeriod
                    + ", not before " + act.date().start().plus(noticePeriod);
        }
        if (explicit != null && explicit.start().isBefore(act.date().start())) {
            return "takesEffect " + explicit + " is before the notice of " + act.date();
        }
        return null;
    }

    /** The notice period, or a refusal naming takesEffect when there is none and none was given. */
    static void needsTakesEffect(Period noticePeriod, String takesEffect, String agreement) {
        if (noticePeriod == null && (takesEffect == null || takesEffect.isBlank())) {
            throw Rejection.invalid("takesEffect", "takesEffect is required: " + agreement
                    + " was registered without a withdrawalNotice period");
        }
    }

    private static boolean signedOnSameDay(List<Act<Kind>> timeline, int index) {
        LocalDate day = timeline.get(index).date().start();
        return timeline.stream().skip(index + 1L)
                .takeWhile(next -> next.date().start().equals(day))
                .anyMatch(next -> next.kind() == Kind.SIGN);
    }
}
