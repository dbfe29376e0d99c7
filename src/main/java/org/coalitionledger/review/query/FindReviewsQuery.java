package org.coalitionledger.review.query;

/** Every review, open and completed, the latest opened first (each with its findings). */
public record FindReviewsQuery() {
}
