package org.coalitionledger.coalition.query;

import java.time.LocalDate;

/** Every coalition formed by {@code asOf}, with its leads and member count on that day. */
public record FindCoalitionsQuery(LocalDate asOf) {
}
