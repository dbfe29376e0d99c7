package org.coalitionledger.review.event;

/**
 * An auditor opened a review of one coalition's acts (and its agreements') as sealed in the tree of the checkpoint
 * of size {@code checkpoint}, optionally only those whose effective date starts within [{@code from}, {@code to}].
 * {@code recordId} is this event's own record id (for proofs); {@code review} the review's id.
 */
public record ReviewOpened(String recordId, String review, String coalition, long checkpoint, String from, String to,
                           String title, String auditor) {
}
