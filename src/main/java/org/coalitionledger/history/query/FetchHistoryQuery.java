package org.coalitionledger.history.query;

import java.time.Instant;

/** Every act of a coalition and its agreements recorded by {@code knownAt}, in effective-date order. */
public record FetchHistoryQuery(String coalition, Instant knownAt) {
}
