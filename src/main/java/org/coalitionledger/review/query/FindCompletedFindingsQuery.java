package org.coalitionledger.review.query;

import java.time.Instant;

/** Every finding of the completed reviews of a coalition, as the ledger knew them at {@code knownAt}. */
public record FindCompletedFindingsQuery(String coalition, Instant knownAt) {
}
