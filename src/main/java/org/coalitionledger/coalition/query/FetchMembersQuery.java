package org.coalitionledger.coalition.query;

import java.time.LocalDate;

/** Who was a member, lead or intending party of a coalition on {@code asOf}. Answered by {@link MembersResponse}. */
public record FetchMembersQuery(String coalition, LocalDate asOf) {
}
