package org.coalitionledger.review.event;

import java.util.List;

/**
 * The review's owner signed it off: the checkpoint's tree size and root hash (lowercase hex) that the review
 * covered, and every finding as it stood. The review is read-only afterwards.
 */
public record ReviewCompleted(String recordId, String review, long checkpoint, String rootHash,
                              List<Finding> findings) {

    /** A finding as completed: the act, the verdict, the comment, the evidence, who gave it (by its record id). */
    public record Finding(String act, Verdict verdict, String comment, List<String> evidence, String reviewer,
                          String findingRecordId) {
    }
}
