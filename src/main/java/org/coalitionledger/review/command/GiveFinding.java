package org.coalitionledger.review.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.coalitionledger.review.event.Verdict;

import java.util.List;

/**
 * Give a verdict on one act in the review's scope. {@code reviewer} is the authenticated user and
 * {@code actRecordedBy} who recorded the act, both filled in by the system (four eyes).
 */
public record GiveFinding(@TargetAggregateIdentifier String review, String recordId, String act, Verdict verdict,
                          String comment, List<String> evidence, String reviewer, String actRecordedBy) {
}
