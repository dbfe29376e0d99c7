package org.coalitionledger.review.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.coalitionledger.common.Checks;
import org.coalitionledger.common.Rejection;
import org.coalitionledger.common.Text;
import org.coalitionledger.evidence.EvidenceStore;
import org.coalitionledger.history.query.HistoryResponse;
import org.coalitionledger.recording.Recorder;
import org.coalitionledger.recording.Recorder.Recorded;
import org.coalitionledger.review.ReviewScope;
import org.coalitionledger.review.ReviewStatusResponse;
import org.coalitionledger.review.ReviewTree;
import org.coalitionledger.review.command.CompleteReview;
import org.coalitionledger.review.command.GiveFinding;
import org.coalitionledger.review.command.OpenReview;
import org.coalitionledger.review.event.Verdict;
import org.coalitionledger.review.query.FetchReviewQuery;
import org.coalitionledger.review.query.ReviewResponse;
import org.coalitionledger.web.Params;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Audit reviews: an auditor opens a review of a coalition up to a signed checkpoint, gives a verdict on each act
 * of its scope, and completes it; reviews and findings are events of the ledger, sealed like every other
 * (docs/audit.md, "Reviews").
 */
@RestController
@Tag(name = "Reviews")
class ReviewController {

    private final Recorder recorder;
    private final QueryGateway queries;
    private final ReviewScope scope;
    private final ReviewTree tree;
    private final EvidenceStore evidence;
    private final Clock clock;

    ReviewController(Recorder recorder, QueryGateway queries, ReviewScope scope, ReviewTree tree,
                     EvidenceStore evidence, Clock clock) {
        this.recorder = recorder;
        this.queries = queries;
        this.scope = scope;
        this.tree = tree;
        this.evidence = evidence;
        this.clock = clock;
    }

    @PostMapping("/api/reviews")
    @Operation(summary = "Open a review of a coalition's acts up to a checkpoint (body: coalition, checkpoint,"
            + " optional from/to, title)")
    ResponseEntity<ReviewAnswers.Opened> open(@RequestBody OpenReviewRequest request, Principal principal) {
        String coalition = Checks.slug("coalition", request.coalition());
        if (request.checkpoint() == null) {
            throw Rejection.invalid("checkpoint", "checkpoint is required: the tree size of a signed checkpoint"
                    + " (GET /api/audit/checkpoints)");
        }
        Checks.text("title", request.title(), Checks.MAX_TITLE);
        LocalDate from = Params.day("from", request.from(), null);
        LocalDate to = Params.day("to", request.to(), null);
        if (from != null && to != null && to.isBefore(from)) {
            throw Rejection.invalid("to", "to must not be before from");
        }
        scope.history(coalition, clock.instant());
        tree.checkpoint("checkpoint", request.checkpoint());
        String auditor = Params.caller(principal);
        Recorded recorded = recorder.record(recordId -> new OpenReview(
                recordId, recordId, coalition, request.checkpoint(), text(from), text(to), request.title(), auditor),
                                            auditor);
        String review = recorded.recordId();
        return ResponseEntity.created(URI.create("/api/reviews/" + review)).body(new ReviewAnswers.Opened(
                review, recorded.recordId(), coalition, request.checkpoint(), text(from), text(to), request.title(),
                auditor, recorded.visible()));
    }

    @PostMapping("/api/reviews/{review}/findings")
    @Operation(summary = "Give a verdict on one act of the review (body: recordId, verdict, comment, evidence);"
            + " replaces an earlier finding on the same act")
    ResponseEntity<ReviewAnswers.Given> find(@PathVariable String review, @RequestBody FindingRequest request,
                                             Principal principal) {
        ReviewResponse found = openReview(review);
        Checks.text("recordId", request.recordId(), Checks.MAX_ID);
        Verdict verdict = verdict(request.verdict());
        HistoryResponse.Entry act = scope.acts(found.coalition(), found.checkpoint(), found.from(), found.to())
                .stream().filter(entry -> entry.recordId().equals(request.recordId())).findFirst()
                .orElseThrow(() -> Rejection.notFound("recordId", "record '" + Text.clip(request.recordId())
                        + "' is no act in the scope of review " + review + " (coalition " + found.coalition()
                        + ", checkpoint " + found.checkpoint() + ")"));
        evidence.requireStored("evidence", request.evidence());
        String reviewer = Params.caller(principal);
        Recorded recorded = recorder.record(recordId -> new GiveFinding(
                review, recordId, act.recordId(), verdict, request.comment(), request.evidence(), reviewer,
                act.recordedBy()), reviewer);
        return ResponseEntity.status(201).body(new ReviewAnswers.Given(review, recorded.recordId(), act.recordId(),
                                                                       verdict, reviewer, recorded.visible()));
    }

    @PostMapping("/api/reviews/{review}/completion")
    @Operation(summary = "Complete a review (its owner only): records the checkpoint's size and root hash and every"
            + " finding; the review is read-only afterwards")
    ResponseEntity<ReviewAnswers.Completed> complete(@PathVariable String review, Principal principal) {
        ReviewResponse found = openReview(review);
        String caller = Params.caller(principal);
        if (!found.auditor().equals(caller)) {
            throw Rejection.forbidden("review", "only the review's owner '" + found.auditor() + "' may complete it");
        }
        ReviewTree.Checkpoint checkpoint = tree.checkpoint("checkpoint", found.checkpoint());
        int inScope = scope.acts(found.coalition(), found.checkpoint(), found.from(), found.to()).size();
        Recorded recorded = recorder.record(recordId -> new CompleteReview(review, recordId, caller,
                                                                          checkpoint.rootHash()), caller);
        Map<Verdict, Long> verdicts = new EnumMap<>(Verdict.class);
        Arrays.stream(Verdict.values()).forEach(verdict -> verdicts.put(verdict, 0L));
        found.findings().forEach(finding -> verdicts.merge(finding.verdict(), 1L, Long::sum));
        return ResponseEntity.status(201).body(new ReviewAnswers.Completed(
                review, recorded.recordId(), checkpoint.treeSize(), checkpoint.rootHash(), inScope,
                found.findings().size(), verdicts, recorded.visible()));
    }

    @GetMapping("/api/reviews/{review}")
    @Operation(summary = "A review, its findings, and the acts in its scope with no finding yet")
    ReviewAnswers.Detail review(@PathVariable String review) {
        ReviewResponse found = fetch(review);
        List<HistoryResponse.Entry> acts = scope.acts(found.coalition(), found.checkpoint(), found.from(),
                                                      found.to());
        Set<String> checked = found.findings().stream().map(ReviewResponse.Finding::recordId)
                .collect(Collectors.toSet());
        List<ReviewAnswers.Act> unchecked = acts.stream().filter(act -> !checked.contains(act.recordId()))
                .map(ReviewAnswers.Act::of).toList();
        return new ReviewAnswers.Detail(found.review(), found.coalition(), found.checkpoint(), found.from(),
                                        found.to(), found.title(), found.auditor(), found.openedAt(),
                                        found.completedAt(), found.rootHash(), acts.size(),
                                        acts.size() - unchecked.size(), found.findings(), unchecked);
    }

    @GetMapping("/api/coalitions/{coalition}/review-status")
    @Operation(summary = "Each act of a coalition with the latest completed review's verdict on it, as known at"
            + " knownAt")
    ReviewStatusResponse status(@PathVariable String coalition, @RequestParam(required = false) String knownAt) {
        return scope.status(coalition, Params.knownAt(knownAt, clock));
    }

    private ReviewResponse fetch(String review) {
        Checks.text("review", review, Checks.MAX_ID);
        return queries.query(new FetchReviewQuery(review), ResponseTypes.optionalInstanceOf(ReviewResponse.class))
                .join()
                .orElseThrow(() -> Rejection.unknown("review", review));
    }

    /** A review that may still change: a completed one is read-only (409). */
    private ReviewResponse openReview(String review) {
        ReviewResponse found = fetch(review);
        if (found.completed()) {
            throw Rejection.conflict("review", "review " + review + " was completed at " + found.completedAt()
                    + " and is read-only");
        }
        return found;
    }

    private static Verdict verdict(String value) {
        if (value == null || value.isEmpty()) {
            throw Rejection.invalid("verdict", "verdict is required: " + VERDICTS);
        }
        return Arrays.stream(Verdict.values()).filter(verdict -> verdict.name().equals(value)).findFirst()
                .orElseThrow(() -> Rejection.invalid("verdict", "verdict '" + Text.clip(value) + "' must be one of "
                        + VERDICTS));
    }

    private static final String VERDICTS = Arrays.stream(Verdict.values()).map(Enum::name)
            .collect(Collectors.joining(", "));

    private static String text(LocalDate day) {
        return day == null ? null : day.toString();
    }
}
