package org.coalitionledger.review.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Open a review; {@code auditor} is the authenticated user, {@code recordId} the opening's record id. */
public record OpenReview(@TargetAggregateIdentifier String review, String recordId, String coalition,
                         long checkpoint, String from, String to, String title, String auditor) {
}
