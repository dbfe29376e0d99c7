package org.coalitionledger.coalition.query;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Who was a member, lead or intending party of a coalition on {@code asOf}, as the ledger knew it at
 * {@code knownAt}. Answered by {@link MembersResponse}.
 */
public record FetchMembersQuery(String coalition, LocalDate asOf, Instant knownAt) {
}
