package org.coalitionledger.agreement.query;

import java.time.Instant;
import java.time.LocalDate;

/** Every commitment under an agreement that had started by {@code asOf}, with its status then, as known at knownAt. */
public record FetchCommitmentsQuery(String agreement, LocalDate asOf, Instant knownAt) {
}
