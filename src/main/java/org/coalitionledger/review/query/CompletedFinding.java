package org.coalitionledger.review.query;

import org.coalitionledger.review.event.Verdict;

import java.time.Instant;

/** A finding of a completed review, with the review's checkpoint and completion time. */
public record CompletedFinding(String recordId, Verdict verdict, String reviewer, Instant givenAt, String review,
                               long checkpoint, Instant completedAt) {
}
