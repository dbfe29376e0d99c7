package org.coalitionledger.agreement.query;

import org.coalitionledger.common.PartialDate;
import org.coalitionledger.common.Timeline;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Folds one party's signatures and withdrawals under one agreement into commitment periods: a signature on S starts
 * [S, S + term), or [S, ∞) without a term (open-ended); a withdrawal on W ends the running period on W. Lenient,
 * as the aggregate has enforced the rules.
 */
public final class CommitmentFold {

    /** The kinds of act, in the order they take effect on the same day (as on the command side). */
    public enum Kind {
        WITHDRAW, SIGN, CONSENT, NOTICE,
        /** The general entry into force, of no single party. */
        ENTRY
    }

    /**
     * An act: its kind, date, record id and place in recording order; for the treaty acts also its party,
     * its means (a consent) and the date it takes effect on when it gave one (a notice).
     */
    public record Act(Kind kind, PartialDate date, String recordId, long order, String party, String means,
                      PartialDate takesEffect) {

        public Act(Kind kind, PartialDate date, String recordId, long order) {
            this(kind, date, recordId, order, null, null, null);
        }

        /** The same act on another date. */
        public Act movedTo(PartialDate moved) {
            return new Act(kind, moved, recordId, order, party, means, takesEffect);
        }
    }

    /**
     * A commitment: from {@code start} until {@code scheduledEnd} (null: open-ended), or until {@code withdrawnOn} if
     * withdrawn.
     */
    public record CommitmentPeriod(PartialDate start, String signRecordId, LocalDate scheduledEnd,
                                   PartialDate withdrawnOn, String withdrawRecordId) {
    }

    /** Effective date, then kind, then recording order ({@link Timeline#effectiveOrder}). */
    private static final Comparator<Act> EFFECTIVE_ORDER =
            (a, b) -> Timeline.effectiveOrder(a.date(), a.kind(), a.order(), b.date(), b.kind(), b.order());

    private CommitmentFold() {
    }

    public static List<CommitmentPeriod> fold(List<Act> acts, Period term) {
        List<Act> timeline = new ArrayList<>(acts);
        timeline.sort(EFFECTIVE_ORDER);
        List<CommitmentPeriod> periods = new ArrayList<>();
        Act signature = null;
        for (Act act : timeline) {
            LocalDate day = act.date().start();
            if (signature != null && term != null && !day.isBefore(end(signature, term))) {
                periods.add(new CommitmentPeriod(signature.date(), signature.recordId(), end(signature, term), null,
                                                 null));
                signature = null;
            }
            if (act.kind() == Kind.SIGN && signature == null) {
                signature = act;
            } else if (act.kind() == Kind.WITHDRAW && signature != null && day.isAfter(signature.date().start())) {
                periods.add(new CommitmentPeriod(signature.date(), signature.recordId(), end(signature, term),
                                                 act.date(), act.recordId()));
                signature = null;
            }
        }
        if (signature != null) {
            periods.add(new CommitmentPeriod(signature.date(), signature.recordId(), end(signature, term), null, null));
        }
        return periods;
    }

    private static LocalDate end(Act signature, Period term) {
        return term == null ? null : signature.date().start().plus(term);
    }
}
