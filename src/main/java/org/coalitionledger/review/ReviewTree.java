package org.coalitionledger.review;

import java.util.List;
import java.util.Map;

/**
 * What a review needs of the audit tree, answered by the composition root (config.AuditReviewTree) so that the review
 * feature does not depend on the audit's classes (the audit report reads reviews).
 */
public interface ReviewTree {

    /** A signed checkpoint: its tree size and root hash (lowercase hex). */
    record Checkpoint(long treeSize, String rootHash) {
    }

    /** The checkpoint of this tree size; a 404 naming {@code field} when there is none. */
    Checkpoint checkpoint(String field, long treeSize);

    /** The latest signed checkpoint, if any has been signed. */
    java.util.Optional<Checkpoint> latest();

    /** The tree positions (0-based) of the sealed records among these; records not sealed yet are left out. */
    Map<String, Long> positions(List<String> recordIds);
}
