package org.coalitionledger.coalition.query;

import java.time.LocalDate;

/** One coalition's summary on {@code asOf}; answered with {@link CoalitionSummary}, or nothing when unknown. */
public record FetchCoalitionQuery(String coalition, LocalDate asOf) {
}
