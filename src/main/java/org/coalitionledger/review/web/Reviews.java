package org.coalitionledger.review.web;

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
import org.coalitionledger.review.ReviewTree;
import org.coalitionledger.review.command.CompleteReview;
import org.coalitionledger.review.command.GiveFinding;
import org.coalitionledger.review.command.OpenReview;
import org.coalitionledger.review.event.Verdict;
import org.coalitionledger.review.query.FetchReviewQuery;
import org.coalitionledger.review.query.FindReviewsQuery;
import org.coalitionledger.review.query.ReviewResponse;
import org.coalitionledger.web.Params;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the review endpoints and the review pages do: open a review of a coalition up to a signed checkpoint, give a
 * verdict on an act of its scope, complete it, and read it back with the acts still unchecked. The API
 * ({@code ReviewController}) and the pages (ui.ReviewPages) both go through here, so they check and record alike.
 */
@Component
public class Reviews {

    private final Recorder recorder;
    private final QueryGateway queries;
    private final ReviewScope scope;
    private final ReviewTree tree;
    private final EvidenceStore evidence;
    private final Clock clock;

    Reviews(Recorder recorder, QueryGateway queries, ReviewScope scope, ReviewTree tree,
            EvidenceStore evidence, Clock clock) {
        this.recorder = recorder;
        this.queries = queries;
        this.scope = scope;
        this.tree = tree;
        this.evidence = evidence;
        this.clock = clock;
    }

    /** Opens a review for {@code auditor}; channel {@code api} or {@code web}. */
    public ReviewAnswers.Opened open(OpenReviewRequest request, String auditor, String channel) {
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
        Recorded recorded = recorder.record(recordId -> new OpenReview(
                recordId, recordId, coalition, request.checkpoint(), text(from), text(to), request.title(), auditor),
                                            auditor, channel);
        return new ReviewAnswers.Opened(recorded.recordId(), recorded.recordId(), coalition, request.checkpoint(),
                                        text(from), text(to), request.title(), auditor, recorded.visible());
    }

    /** Gives {@code reviewer}'s finding on one act of an open review (replacing an earlier one on that act). */
    public ReviewAnswers.Given find(String review, FindingRequest request, String reviewer, String channel) {
        ReviewResponse found = openReview(review);
        Checks.text("recordId", request.recordId(), Checks.MAX_ID);
        Verdict verdict = verdict(request.verdict());
        HistoryResponse.Entry act = scope.acts(found.coalition(), found.checkpoint(), found.from(), found.to())
                .stream().filter(entry -> entry.recordId().equals(request.recordId())).findFirst()
                .orElseThrow(() -> Rejection.notFound("recordId", "record '" + Text.clip(request.recordId())
                        + "' is no act in the scope of review " + review + " (coalition " + found.coalition()
                        + ", checkpoint " + found.checkpoint() + ")"));
        evidence.requireStored("evidence", request.evidence());
        Recorded recorded = recorder.record(recordId -> new GiveFinding(
                review, recordId, act.recordId(), verdict, request.comment(), request.evidence(), reviewer,
                act.recordedBy()), reviewer, channel);
        return new ReviewAnswers.Given(review, recorded.recordId(), act.recordId(), verdict, reviewer,
                                       recorded.visible());
    }

    /** Completes a review: its owner only; read-only afterwards. */
    public ReviewAnswers.Completed complete(String review, String caller, String channel) {
        ReviewResponse found = openReview(review);
        if (!found.auditor().equals(caller)) {
            throw Rejection.forbidden("review", "only the review's owner '" + found.auditor() + "' may complete it");
        }
        ReviewTree.Checkpoint checkpoint = tree.checkpoint("checkpoint", found.checkpoint());
        int inScope = scope.acts(found.coalition(), found.checkpoint(), found.from(), found.to()).size();
        Recorded recorded = recorder.record(recordId -> new CompleteReview(review, recordId, caller,
                                                                          checkpoint.rootHash()), caller, channel);
        Map<Verdict, Long> verdicts = new EnumMap<>(Verdict.class);
        Arrays.stream(Verdict.values()).forEach(verdict -> verdicts.put(verdict, 0L));
        found.findings().forEach(finding -> verdicts.merge(finding.verdict(), 1L, Long::sum));
        return new ReviewAnswers.Completed(review, recorded.recordId(), checkpoint.treeSize(), checkpoint.rootHash(),
                                           inScope, found.findings().size(), verdicts, recorded.visible());
    }

    /** A review, its findings, and the acts of its scope with no finding yet. */
    public ReviewAnswers.Detail review(String review) {
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

    /** Every review, open and completed, the latest opened first. */
    public List<ReviewResponse> reviews() {
        return queries.query(new FindReviewsQuery(), ResponseTypes.multipleInstancesOf(ReviewResponse.class)).join();
    }

    /** The acts of a review's scope, in the history's effective-date order. */
    public List<HistoryResponse.Entry> acts(ReviewResponse review) {
        return scope.acts(review.coalition(), review.checkpoint(), review.from(), review.to());
    }

    /** The latest signed checkpoint, which a review opened on the pages covers. */
    public Optional<ReviewTree.Checkpoint> latestCheckpoint() {
        return tree.latest();
    }

    /** A review as it stands; a 404 naming it when there is none. */
    public ReviewResponse fetch(String review) {
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
