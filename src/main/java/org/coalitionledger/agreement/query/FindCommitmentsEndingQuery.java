package org.coalitionledger.agreement.query;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;

/** Every commitment active on {@code asOf} whose term ends within {@code within} of it, as known at knownAt. */
public record FindCommitmentsEndingQuery(Period within, LocalDate asOf, Instant knownAt) {
}
