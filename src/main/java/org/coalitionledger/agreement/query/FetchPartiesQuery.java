package org.coalitionledger.agreement.query;

import java.time.Instant;
import java.time.LocalDate;

/** The parties of an agreement and their standing on {@code asOf}, as known at knownAt. */
public record FetchPartiesQuery(String agreement, LocalDate asOf, Instant knownAt) {
}
