package org.coalitionledger.review.query;

/** One review with its findings as they stand. */
public record FetchReviewQuery(String review) {
}
