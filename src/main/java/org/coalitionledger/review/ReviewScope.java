package org.coalitionledger.review;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.coalitionledger.common.PartialDate;
import org.coalitionledger.common.Rejection;
import org.coalitionledger.common.Text;
import org.coalitionledger.history.query.FetchHistoryQuery;
import org.coalitionledger.history.query.HistoryResponse;
import org.coalitionledger.review.query.CompletedFinding;
import org.coalitionledger.review.query.FindCompletedFindingsQuery;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which acts a review covers, and where every act of a coalition stands with the completed reviews. Both read the
 * coalition's history (its acts and those of its agreements, with their corrections) and the acts' positions in the
 * audit tree: an act is in a review's scope when it is sealed inside the review's checkpoint and, when the review
 * has bounds, its effective date (as corrected) starts within them.
 */
@Component
public class ReviewScope {

    private final QueryGateway queries;
    private final ReviewTree tree;
    private final Clock clock;

    ReviewScope(QueryGateway queries, ReviewTree tree, Clock clock) {
        this.queries = queries;
        this.tree = tree;
        this.clock = clock;
    }

    /** The coalition's history as known at {@code knownAt}; a 404 naming the coalition when it has none. */
    public HistoryResponse history(String coalition, Instant knownAt) {
        return queries.query(new FetchHistoryQuery(coalition, knownAt),
                             ResponseTypes.optionalInstanceOf(HistoryResponse.class))
                .join()
                .orElseThrow(() -> Rejection.notFound("coalition", "unknown coalition '" + Text.clip(coalition)
                        + "'"));
    }

    /** The acts of a review's scope, in the history's effective-date order. */
    public List<HistoryResponse.Entry> acts(String coalition, long checkpoint, String from, String to) {
        LocalDate first = from == null ? null : LocalDate.parse(from);
        LocalDate last = to == null ? null : LocalDate.parse(to);
        List<HistoryResponse.Entry> dated = history(coalition, clock.instant()).entries().stream()
                .filter(entry -> within(entry.effectiveDate(), first, last))
                .toList();
        Map<String, Long> positions = tree.positions(dated.stream().map(HistoryResponse.Entry::recordId).toList());
        return dated.stream()
                .filter(entry -> positions.containsKey(entry.recordId())
                        && positions.get(entry.recordId()) < checkpoint)
                .toList();
    }

    /** Every act of the coalition as known at {@code knownAt}, with the latest completed review's finding. */
    public ReviewStatusResponse status(String coalition, Instant knownAt) {
        HistoryResponse history = history(coalition, knownAt);
        Map<String, CompletedFinding> latest = new HashMap<>();
        queries.query(new FindCompletedFindingsQuery(coalition, knownAt),
                      ResponseTypes.multipleInstancesOf(CompletedFinding.class))
                .join()
                .forEach(finding -> latest.put(finding.recordId(), finding));
        List<String> ids = new ArrayList<>();
        for (HistoryResponse.Entry entry : history.entries()) {
            ids.add(entry.recordId());
            entry.corrections().forEach(correction -> ids.add(correction.recordId()));
        }
        Map<String, Long> positions = ids.isEmpty() ? Map.of() : tree.positions(ids);
        List<ReviewStatusResponse.ActStatus> acts = new ArrayList<>();
        for (HistoryResponse.Entry entry : history.entries()) {
            CompletedFinding finding = latest.get(entry.recordId());
            if (finding == null) {
                acts.add(new ReviewStatusResponse.ActStatus(entry.recordId(), null, null, null, null, false));
                continue;
            }
            boolean changed = beyond(positions.get(entry.recordId()), finding.checkpoint())
                    || entry.corrections().stream()
                            .anyMatch(correction -> beyond(positions.get(correction.recordId()),
                                                           finding.checkpoint()));
            acts.add(new ReviewStatusResponse.ActStatus(entry.recordId(), finding.verdict(), finding.reviewer(),
                                                        finding.givenAt(), finding.review(), changed));
        }
        return new ReviewStatusResponse(coalition, knownAt, acts);
    }

    /** A record not sealed yet, or sealed at or after the checkpoint, was not seen by that review. */
    private static boolean beyond(Long position, long checkpoint) {
        return position == null || position >= checkpoint;
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
}
