package org.coalitionledger.history.query;

import java.time.Instant;
import java.util.List;

/**
 * The last act recorded up to {@code knownAt} (inclusive) in each of the given coalitions, answered as an
 * {@link EventLogResponse} (newest first; a coalition without one has no entry), from one statement.
 */
public record FindLastActsQuery(List<String> coalitions, Instant knownAt) {
}
