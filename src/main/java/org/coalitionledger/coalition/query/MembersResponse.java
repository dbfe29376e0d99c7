package org.coalitionledger.coalition.query;

import org.coalitionledger.common.Precision;

import java.time.LocalDate;
import java.util.List;

/** The members (with their role) and the intending parties of a coalition on {@code asOf}. */
public record MembersResponse(String coalition, LocalDate asOf, List<Member> members, List<Intending> intending) {

    /** A member since {@code since} (as precise as its source), LEAD or MEMBER on the day asked about. */
    public record Member(String party, String name, Role role, String since, Precision precision) {
    }

    /** A party that declared intent on {@code since} and had not joined by the day asked about. */
    public record Intending(String party, String name, String since, Precision precision) {
    }
}
