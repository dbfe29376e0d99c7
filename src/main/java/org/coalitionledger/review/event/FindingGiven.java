package org.coalitionledger.review.event;

import java.util.List;

/**
 * A reviewer's verdict on one act ({@code act}, the act's record id), with a comment and evidence files (SHA-256
 * hashes). A later finding on the same act in the same review replaces this one until the review is completed.
 */
public record FindingGiven(String recordId, String review, String act, Verdict verdict, String comment,
                           List<String> evidence, String reviewer) {
}
