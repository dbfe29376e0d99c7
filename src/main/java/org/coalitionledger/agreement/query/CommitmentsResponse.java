package org.coalitionledger.agreement.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The commitments under one agreement on {@code asOf} as the ledger knew them at {@code knownAt}: every one that
 * had started, whatever its status.
 */
public record CommitmentsResponse(String agreement, String coalition, String title, String commitmentTerm,
                                  LocalDate asOf, Instant knownAt, List<Commitment> commitments) {
}
