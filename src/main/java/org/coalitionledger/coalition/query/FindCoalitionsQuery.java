package org.coalitionledger.coalition.query;

import java.time.Instant;
import java.time.LocalDate;

/** Every coalition formed by {@code asOf}, with its leads and member count on that day, as known at knownAt. */
public record FindCoalitionsQuery(LocalDate asOf, Instant knownAt) {
}
