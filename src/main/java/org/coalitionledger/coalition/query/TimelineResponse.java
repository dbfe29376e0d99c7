package org.coalitionledger.coalition.query;

import org.coalitionledger.common.Precision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Each party's intervals of intent, membership and lead in a coalition, for charts. Ends are exclusive. */
public record TimelineResponse(String coalition, LocalDate from, LocalDate to, Instant knownAt,
                               List<PartyTimeline> parties) {

    public record PartyTimeline(String party, String name, List<Span> intervals) {
    }

    /** An interval [start, end); {@code end} is null while it lasts. */
    public record Span(MemberRole role, String start, Precision startPrecision, String end, Precision endPrecision) {
    }
}
