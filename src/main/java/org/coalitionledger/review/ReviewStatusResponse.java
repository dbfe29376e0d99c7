package org.coalitionledger.review;

import org.coalitionledger.review.event.Verdict;

import java.time.Instant;
import java.util.List;

/**
 * Where the acts of a coalition (and its agreements) stand with the completed reviews as known at {@code knownAt}:
 * for each act the latest completed review's finding on it ({@code verdict} null when none ever reviewed it), and
 * whether it changed since (corrected or retracted by a record beyond that review's checkpoint, or itself beyond
 * it).
 */
public record ReviewStatusResponse(String coalition, Instant knownAt, List<ActStatus> acts) {

    /** One act's review status. */
    public record ActStatus(String recordId, Verdict verdict, String reviewer, Instant reviewedAt, String review,
                            boolean changedSinceReview) {
    }
}
