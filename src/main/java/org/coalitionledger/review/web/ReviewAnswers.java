package org.coalitionledger.review.web;

import org.coalitionledger.common.Precision;
import org.coalitionledger.common.Source;
import org.coalitionledger.history.query.HistoryResponse;
import org.coalitionledger.review.event.Verdict;
import org.coalitionledger.review.query.ReviewResponse;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The answers of the review endpoints. */
public final class ReviewAnswers {

    private ReviewAnswers() {
    }

    /** A review was opened. */
    public record Opened(String review, String recordId, String coalition, long checkpoint, String from, String to,
                  String title, String auditor, boolean visible) {
    }

    /** A finding was given (or replaced the earlier one on the same act). */
    public record Given(String review, String recordId, String act, Verdict verdict, String reviewer, boolean visible) {
    }

    /** A review was completed: the checkpoint it covered and what was found, by verdict. */
    public record Completed(String review, String recordId, long checkpoint, String rootHash, int actsInScope,
                     int actsChecked, Map<Verdict, Long> verdicts, boolean visible) {
    }

    /**
     * A review: its scope and state, its findings, and the acts in scope with no finding yet; {@code actsChecked}
     * of {@code actsInScope} have one.
     */
    public record Detail(String review, String coalition, long checkpoint, String from, String to, String title,
                  String auditor, Instant openedAt, Instant completedAt, String rootHash, int actsInScope,
                  int actsChecked, List<ReviewResponse.Finding> findings, List<Act> unchecked) {
    }

    /** An act in a review's scope, as the reviewer checks it: what, when, the source, who recorded it and when. */
    public record Act(String recordId, String command, String agreement, String party, String effectiveDate,
               Precision precision, boolean retracted, Source source, String notes, String recordedBy,
               Instant recordedAt) {

        public static Act of(HistoryResponse.Entry entry) {
            return new Act(entry.recordId(), entry.command(), entry.agreement(), entry.party(), entry.effectiveDate(),
                           entry.precision(), entry.retracted(), entry.source(), entry.notes(), entry.recordedBy(),
                           entry.recordedAt());
        }
    }
}
