package org.coalitionledger.agreement.query;

import org.coalitionledger.agreement.query.CommitmentFold.CommitmentPeriod;
import org.coalitionledger.common.Parties;
import org.coalitionledger.common.PartialDate;
import org.coalitionledger.common.Precision;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * One party's commitment: from {@code start} (as precise as its signature date) to {@code end} (exclusive; null
 * when the agreement has no term and the party has not withdrawn: open-ended), its status on the day asked about,
 * and the days left when active (null when open-ended). {@code certain} is false when that day falls in the window
 * of an imprecise date the answer depends on.
 */
public record Commitment(String agreement, String coalition, String party, String name, String start,
                         Precision precision, LocalDate end, Status status, Long daysRemaining, boolean certain,
                         String signatureRecordId, String withdrawalRecordId) {

    /** The commitment as it stood on {@code asOf}: a withdrawal dated later had not happened yet. */
    public static Commitment on(LocalDate asOf, String agreement, String coalition, String party,
                                CommitmentPeriod period, java.time.Period term) {
        PartialDate withdrawnOn = period.withdrawnOn();
        boolean withdrawn = withdrawnOn != null && !withdrawnOn.start().isAfter(asOf);
        LocalDate end = withdrawn ? withdrawnOn.start() : period.scheduledEnd();
        Status status = withdrawn ? Status.WITHDRAWN
                : end == null || end.isAfter(asOf) ? Status.ACTIVE : Status.EXPIRED;
        Long daysRemaining = status != Status.ACTIVE ? Long.valueOf(0)
                : end == null ? null : Long.valueOf(ChronoUnit.DAYS.between(asOf, end));
        PartialDate start = period.start();
        // counted from the window's first day, the term ends on scheduledEnd; had the act been on the window's last
        // day, it would end term later: in between, the end is uncertain
        boolean endUncertain = period.scheduledEnd() != null && term != null
                && !asOf.isBefore(period.scheduledEnd()) && asOf.isBefore(start.latest().plus(term));
        boolean certain = !start.isUncertainOn(asOf) && (withdrawnOn == null || !withdrawnOn.isUncertainOn(asOf))
                && (withdrawn || !endUncertain);
        return new Commitment(agreement, coalition, party, Parties.nameOf(party), start.text(), start.precision(),
                              end, status, daysRemaining, certain, period.signRecordId(),
                              withdrawn ? period.withdrawRecordId() : null);
    }
}
