package org.coalitionledger.review.query;

import org.coalitionledger.review.event.Verdict;

import java.time.Instant;

/**
 * One review event of the event log: {@code command} is {@code OpenReview}, {@code GiveFinding} or
 * {@code CompleteReview}; {@code act} and {@code verdict} are a finding's; {@code detail} says what it was (the
 * review's title and checkpoint, the finding's comment, the completed checkpoint and its root). {@code position} is
 * its place in the event store.
 */
public record ReviewLogEntry(String recordId, String command, String review, String coalition, String act,
                             Verdict verdict, String detail, String recordedBy, Instant recordedAt, long position) {
}
