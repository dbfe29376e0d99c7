package org.coalitionledger.agreement.query;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The question of {@link FetchPartiesQuery}, answered by folding the agreement's raw events ({@code mode=replay}).
 * Answered by {@link PartiesResponse}, or empty for an unknown agreement.
 */
public record ReplayPartiesQuery(String agreement, LocalDate asOf, Instant knownAt) {
}
