package org.coalitionledger.agreement.query;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The question of {@link FetchCommitmentsQuery}, answered by folding the agreement's raw events instead of reading
 * the projection ({@code mode=replay}). Answered by {@link CommitmentsResponse}, or empty for an unknown agreement.
 */
public record ReplayCommitmentsQuery(String agreement, LocalDate asOf, Instant knownAt) {
}
