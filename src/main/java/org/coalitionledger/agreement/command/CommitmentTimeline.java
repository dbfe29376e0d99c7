package org.coalitionledger.agreement.command;

import org.coalitionledger.common.Timeline;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;

/**
 * One state's signatures and withdrawals under one agreement, and the rules they obey together on the
 * effective-date timeline. A signature on S commits the party for [S, S + term); a withdrawal on W ends it on W.
 * Signing again while a commitment is active is refused; after a withdrawal or an expiry a new signature starts a
 * new commitment.
 */
final class CommitmentTimeline extends Timeline<CommitmentTimeline.Kind> {

    /** The kinds of act, in the order they take effect when they fall on the same day. */
    enum Kind implements Timeline.Kind {
        WITHDRAW("withdrawal"), SIGN("signature");

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

    CommitmentTimeline(String agreement, String party, Period term) {
        super(party);
        this.agreement = agreement;
        this.term = term;
    }

    @Override
    protected void walk(List<Act<Kind>> timeline, Act<Kind> focus, String action) {
        Act<Kind> signature = null;
        LocalDate end = null;
        for (int i = 0; i < timeline.size(); i++) {
            Act<Kind> act = timeline.get(i);
            LocalDate day = act.date().start();
            if (signature != null && !day.isBefore(end)) {
                signature = null;
            }
            String problem = null;
            String field = "party";
            if (act.kind() == Kind.SIGN) {
                if (signature != null) {
                    problem = who() + " already signed " + agreement + " on " + signature.date()
                            + " and is committed until " + end + "; a new signature can follow a withdrawal or"
                            + " the end of the term";
                } else {
                    signature = act;
                    end = day.plus(term);
                }
            } else if (signature == null && signedOnSameDay(timeline, i)) {
                field = "effectiveDate";
                problem = "a withdrawal must come after the signature: " + who() + " signed " + agreement + " on "
                        + act.date();
            } else if (signature == null) {
                problem = who() + " has no active commitment under " + agreement + " on " + act.date()
                        + " to withdraw from";
            } else if (day.equals(signature.date().start())) {
                field = "effectiveDate";
                problem = "a withdrawal must come after the signature: " + who() + " signed " + agreement + " on "
                        + signature.date();
            } else {
                signature = null;
            }
            if (problem != null) {
                throw refuse(act, focus, action, field, problem);
            }
        }
    }

    private static boolean signedOnSameDay(List<Act<Kind>> timeline, int index) {
        LocalDate day = timeline.get(index).date().start();
        return timeline.stream().skip(index + 1L)
                .takeWhile(next -> next.date().start().equals(day))
                .anyMatch(next -> next.kind() == Kind.SIGN);
    }
}
