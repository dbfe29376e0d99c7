package org.coalitionledger.coalition.query;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One page of the coalitions formed by {@code asOf}, as known at {@code knownAt}, in id order: page {@code page}
 * (the first is 1) of {@code size} coalitions, with the total.
 */
public record FindCoalitionPageQuery(LocalDate asOf, Instant knownAt, int page, int size) {
}
