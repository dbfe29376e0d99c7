package org.coalitionledger.agreement.query;

import java.time.Instant;
import java.time.LocalDate;

/** Every commitment of one state that had started by {@code asOf}, with its status then, as known at knownAt. */
public record FindCommitmentsOfPartyQuery(String party, LocalDate asOf, Instant knownAt) {
}
