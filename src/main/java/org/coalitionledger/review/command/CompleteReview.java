package org.coalitionledger.review.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sign a review off; {@code rootHash} is the root of its checkpoint as the audit holds it (lowercase hex). */
public record CompleteReview(@TargetAggregateIdentifier String review, String recordId, String auditor,
                             String rootHash) {
}
