package org.coalitionledger.coalition.query;

import java.time.Instant;
import java.time.LocalDate;

/** Every intent, membership and lead interval of a coalition that overlaps [from, to], as known at knownAt. */
public record FetchTimelineQuery(String coalition, LocalDate from, LocalDate to, Instant knownAt) {
}
