package org.coalitionledger.audit;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.coalitionledger.common.ActKind;
import org.coalitionledger.common.PartialDate;
import org.coalitionledger.common.Rejection;
import org.coalitionledger.common.Source;
import org.coalitionledger.review.ReviewScope;
import org.coalitionledger.review.ReviewStatusResponse;
import org.coalitionledger.common.Text;
import org.coalitionledger.history.query.FetchHistoryQuery;
import org.coalitionledger.history.query.HistoryResponse;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The audit report of a coalition: every act of it and its agreements (from the history projection) with its
 * corrections and retractions, each with the tree position it was sealed at and whether the checkpoint covering
 * that position verifies now (a full verification runs for every report).
 */
@Service
public class AuditReport {

    private static final int CHUNK = 500;

    private final QueryGateway queries;
    private final AuditService audit;
    private final AuditStore store;
    private final ReviewScope reviews;
    private final Clock clock;

    AuditReport(QueryGateway queries, AuditService audit, AuditStore store, ReviewScope reviews, Clock clock) {
        this.queries = queries;
        this.reviews = reviews;
        this.audit = audit;
        this.store = store;
        this.clock = clock;
    }

    /** The report: acts whose effective date (as corrected) starts within [from, to] when those are given. */
    public Report of(String coalition, LocalDate from, LocalDate to) {
        if (from != null && to != null && to.isBefore(from)) {
            throw Rejection.invalid("to", "to must not be before from");
        }
        Instant now = clock.instant();
        HistoryResponse history = queries.query(new FetchHistoryQuery(coalition, now),
                                                ResponseTypes.optionalInstanceOf(HistoryResponse.class))
                .join()
                .orElseThrow(() -> Rejection.notFound("coalition", "unknown coalition '" + Text.clip(coalition)
                        + "'"));
        List<HistoryResponse.Entry> entries = history.entries().stream()
                .filter(entry -> within(entry.effectiveDate(), from, to))
                .toList();
        List<String> ids = new ArrayList<>();
        for (HistoryResponse.Entry entry : entries) {
            ids.add(entry.recordId());
            entry.corrections().forEach(correction -> ids.add(correction.recordId()));
        }
        Map<String, Long> positions = new HashMap<>();
        for (int i = 0; i < ids.size(); i += CHUNK) {
            store.leavesOfRecords(ids.subList(i, Math.min(ids.size(), i + CHUNK)))
                    .forEach(leaf -> positions.put(leaf.recordId(), leaf.position()));
        }
        Map<String, ReviewStatusResponse.ActStatus> reviewed = new HashMap<>();
        reviews.status(coalition, now).acts().forEach(act -> reviewed.put(act.recordId(), act));
        Verification.Result verification = audit.verify();
        List<Checkpoint> checkpoints = audit.checkpoints();
        List<Line> lines = new ArrayList<>();
        for (HistoryResponse.Entry entry : entries) {
            lines.add(new Line(entry.recordId(), entry.retracted() ? "act (retracted)" : "act", entry.command(),
                               null, entry.agreement(), entry.party(), entry.effectiveDate(),
                               entry.precision() == null ? null : entry.precision().name().toLowerCase(),
                               entry.recordedDate(), details(entry.details()), entry.source(), entry.notes(),
                               entry.recordedBy(), entry.recordedAt(),
                               status(positions.get(entry.recordId()), checkpoints, verification),
                               reviewed.get(entry.recordId())));
            for (HistoryResponse.Correction correction : entry.corrections()) {
                boolean retraction = ActKind.RetractRecord.command().equals(correction.command());
                lines.add(new Line(correction.recordId(), retraction ? "retraction" : "correction",
                                   correction.command(), entry.recordId(), entry.agreement(), entry.party(),
                                   correction.effectiveDate(), precisionOf(correction.effectiveDate()),
                                   correction.previousEffectiveDate(), null, correction.source(),
                                   correction.reason(), correction.recordedBy(), correction.recordedAt(),
                                   status(positions.get(correction.recordId()), checkpoints, verification),
                                   null));
            }
        }
        return new Report(coalition, from, to, now, verification, lines);
    }

    private static boolean within(String effectiveDate, LocalDate from, LocalDate to) {
        if (from == null && to == null) {
            return true;
        }
        if (effectiveDate == null) {
            return false;
        }
        LocalDate start = PartialDate.parse(effectiveDate).start();
        return (from == null || !start.isBefore(from)) && (to == null || !start.isAfter(to));
    }

    private static String precisionOf(String date) {
        return date == null ? null : PartialDate.parse(date).precision().name().toLowerCase();
    }

    private static String details(Map<String, Object> details) {
        if (details == null || details.isEmpty()) {
            return null;
        }
        return details.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining("; "));
    }

    private static Status status(Long position, List<Checkpoint> checkpoints, Verification.Result verification) {
        if (position == null) {
            return new Status(null, null, false, "pending: not sealed yet");
        }
        Checkpoint covering = checkpoints.stream().filter(c -> c.treeSize() > position).findFirst().orElse(null);
        if (covering == null) {
            return new Status(position, null, false, "sealed at position " + position + ", awaiting a checkpoint");
        }
        if (covering.treeSize() <= verification.verifiedThrough()) {
            return new Status(position, covering.treeSize(), true, "verified: position " + position
                    + " in checkpoint " + covering.treeSize() + " of " + covering.createdAtText());
        }
        Verification.Problem problem = verification.firstProblem();
        return new Status(position, covering.treeSize(), false, "NOT VERIFIED: checkpoint " + covering.treeSize()
                + (problem == null ? "" : "; first problem: " + problem.kind().label() + " at position "
                + problem.position()));
    }

    /** The report of one coalition, as of {@code madeAt}. */
    public record Report(String coalition, LocalDate from, LocalDate to, Instant madeAt,
                         Verification.Result verification, List<Line> lines) {
    }

    /**
     * One act, correction or retraction. For a correction, {@code effectiveDate} is the new date and
     * {@code recordedDate} the date it replaced; {@code notes} holds its reason. {@code review} is an act's status
     * with the completed reviews (its verdict null when none reviewed it); null for corrections and retractions.
     */
    public record Line(String recordId, String kind, String action, String correctsRecordId, String agreement,
                       String party, String effectiveDate, String precision, String recordedDate, String details,
                       Source source, String notes, String recordedBy, Instant recordedAt, Status status,
                       ReviewStatusResponse.ActStatus review) {
    }

    /** Where a record sits in the tree and whether the checkpoint covering it verifies. */
    public record Status(Long position, Long checkpoint, boolean verified, String text) {
    }
}
