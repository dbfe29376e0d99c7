package org.coalitionledger.coalition.query;

import java.time.Instant;
import java.time.LocalDate;

/** One coalition's summary on {@code asOf} as known at {@code knownAt}; nothing when unknown then. */
public record FetchCoalitionQuery(String coalition, LocalDate asOf, Instant knownAt) {
}
