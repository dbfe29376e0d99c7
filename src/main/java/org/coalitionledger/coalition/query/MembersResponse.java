package org.coalitionledger.coalition.query;

import org.coalitionledger.common.Precision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The members (with their role), the intending and suspended parties and the observers of a coalition on
 * {@code asOf}, as the ledger knew them at {@code knownAt}. An entry is {@code certain: false} when {@code asOf}
 * falls inside the window of an imprecise date it depends on, before its last day (a join dated "2024-01" asked
 * about on 2024-01-15; on 2024-01-31 it is certain).
 */
public record MembersResponse(String coalition, LocalDate asOf, Instant knownAt, List<Member> members,
                              List<Intending> intending, List<Intending> suspended, List<Intending> observers) {

    /** A member since {@code since} (as precise as its source), LEAD or MEMBER on the day asked about. */
    public record Member(String party, String name, MemberRole role, String since, Precision precision,
                         boolean certain) {
    }

    /**
     * A party that declared intent on {@code since} and had not joined by the day asked about; in {@code suspended},
     * a member suspended on {@code since} and not reinstated; in {@code observers}, an observer since {@code since}.
     */
    public record Intending(String party, String name, String since, Precision precision, boolean certain) {
    }
}
