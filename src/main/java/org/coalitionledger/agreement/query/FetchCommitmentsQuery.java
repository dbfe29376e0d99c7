package org.coalitionledger.agreement.query;

import java.time.LocalDate;

/** Every commitment under an agreement that had started by {@code asOf}, with its status on that day. */
public record FetchCommitmentsQuery(String agreement, LocalDate asOf) {
}
