package org.coalitionledger.agreement.query;

import java.time.Instant;
import java.time.LocalDate;

/** The agreements of one coalition (of all when {@code coalition} is null) with their active signatories. */
public record FindAgreementsQuery(String coalition, LocalDate asOf, Instant knownAt) {
}
