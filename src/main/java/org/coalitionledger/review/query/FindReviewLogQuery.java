package org.coalitionledger.review.query;

import java.time.Instant;

/**
 * The review events (reviews opened, findings given, reviews completed) as recorded, newest first, narrowed by any of
 * the filters (null for none): the review's coalition, the recorder, and record time {@code [recordedFrom,
 * recordedUntil)}. At most {@code limit} entries.
 */
public record FindReviewLogQuery(String coalition, String recordedBy, Instant recordedFrom, Instant recordedUntil,
                                 int limit) {
}
