package org.coalitionledger.review.query;

import org.coalitionledger.review.event.Verdict;

import java.time.Instant;
import java.util.List;

/**
 * A review: its scope (coalition, checkpoint tree size, optional effective-date bounds), its owner, when it was
 * opened and completed (null while open) with the checkpoint's root hash, and its findings, one per act.
 */
public record ReviewResponse(String review, String coalition, long checkpoint, String from, String to, String title,
                             String auditor, Instant openedAt, Instant completedAt, String rootHash,
                             List<Finding> findings) {

    /** The current finding on one act. */
    public record Finding(String recordId, Verdict verdict, String comment, List<String> evidence, String reviewer,
                          Instant givenAt, String findingRecordId) {
    }

    public boolean completed() {
        return completedAt != null;
    }
}
