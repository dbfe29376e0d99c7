package org.coalitionledger.history.query;

import java.time.Instant;

/**
 * The acts, corrections and retractions recorded in the ledger, newest first, narrowed by any of the filters
 * (null for none): coalition, party, recorder, and record time {@code [recordedFrom, recordedUntil)}. At most
 * {@code limit} entries.
 */
public record FindEventLogQuery(String coalition, String party, String recordedBy, Instant recordedFrom,
                                Instant recordedUntil, int limit) {
}
