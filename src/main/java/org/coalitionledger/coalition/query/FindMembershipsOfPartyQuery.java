package org.coalitionledger.coalition.query;

import java.time.Instant;
import java.time.LocalDate;

/** Every coalition one state was a member of (or intended to join) on {@code asOf}, as known at knownAt. */
public record FindMembershipsOfPartyQuery(String party, LocalDate asOf, Instant knownAt) {
}
