package org.coalitionledger.coalition.query;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The question of {@link FetchMembersQuery}, answered by folding the coalition's raw events instead of reading the
 * projection ({@code mode=replay}). Answered by {@link MembersResponse}, or empty for an unknown coalition.
 */
public record ReplayMembersQuery(String coalition, LocalDate asOf, Instant knownAt) {
}
