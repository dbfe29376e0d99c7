package org.coalitionledger.review.web;

/**
 * The body of {@code POST /api/reviews}: the coalition, the tree size of a signed checkpoint, optional effective-date
 * bounds (YYYY-MM-DD) and a title.
 */
public record OpenReviewRequest(String coalition, Long checkpoint, String from, String to, String title) {
}
