package org.coalitionledger.review.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.coalitionledger.common.Checks;
import org.coalitionledger.common.Rejection;
import org.coalitionledger.review.event.FindingGiven;
import org.coalitionledger.review.event.ReviewCompleted;
import org.coalitionledger.review.event.ReviewOpened;
import org.coalitionledger.review.event.Verdict;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An audit review: who owns it, which checkpoint it covers, its findings by act, and whether it was completed. It
 * guards the four-eyes rule (nobody gives a finding on an act they recorded), the owner's sole right to complete,
 * and that a completed review changes no more. Which acts are in scope is checked before the command is sent
 * (review.web.ReviewScope), since it needs the history and the audit tree.
 */
@Aggregate(lockFactory = "aggregateLocks")
public class Review {

    @AggregateIdentifier
    private String id;
    private String auditor;
    private long checkpoint;
    private boolean completed;
    private final Map<String, ReviewCompleted.Finding> findings = new LinkedHashMap<>();

    /** Axon needs a no-argument constructor to rebuild the aggregate from its events. */
    protected Review() {
    }

    @CommandHandler
    public Review(OpenReview command) {
        Checks.text("review", command.review(), Checks.MAX_ID);
        Checks.slug("coalition", command.coalition());
        Checks.text("title", command.title(), Checks.MAX_TITLE);
        if (command.checkpoint() < 1) {
            throw Rejection.invalid("checkpoint", "checkpoint must be the tree size of a signed checkpoint (>= 1)");
        }
        if (command.from() != null && command.to() != null && command.to().compareTo(command.from()) < 0) {
            throw Rejection.invalid("to", "to must not be before from");
        }
        apply(new ReviewOpened(command.recordId(), command.review(), command.coalition(), command.checkpoint(),
                               command.from(), command.to(), command.title(), command.auditor()));
    }

    @CommandHandler
    public void handle(GiveFinding command) {
        refuseWhenCompleted();
        if (command.verdict() == null) {
            throw Rejection.invalid("verdict", "verdict is required: CONFIRMED, DISPUTED or SOURCE_UNAVAILABLE");
        }
        if (command.reviewer() != null && command.reviewer().equals(command.actRecordedBy())) {
            throw Rejection.forbidden("recordId", "four eyes: '" + command.reviewer() + "' recorded act "
                    + command.act() + " and so cannot review it; another auditor must");
        }
        if (command.verdict() == Verdict.CONFIRMED) {
            Checks.optionalText("comment", command.comment(), Checks.MAX_NOTES);
        } else {
            Checks.text("comment", command.comment(), Checks.MAX_NOTES);
        }
        Checks.evidence("evidence", command.evidence());
        apply(new FindingGiven(command.recordId(), id, command.act(), command.verdict(), command.comment(),
                               command.evidence() == null || command.evidence().isEmpty() ? null
                                       : command.evidence(), command.reviewer()));
    }

    @CommandHandler
    public void handle(CompleteReview command) {
        refuseWhenCompleted();
        if (!auditor.equals(command.auditor())) {
            throw Rejection.forbidden("review", "only the review's owner '" + auditor + "' may complete it");
        }
        apply(new ReviewCompleted(command.recordId(), id, checkpoint, command.rootHash(),
                                  new ArrayList<>(findings.values())));
    }

    private void refuseWhenCompleted() {
        if (completed) {
            throw Rejection.conflict("review", "review " + id + " is completed and read-only");
        }
    }

    @EventSourcingHandler
    void on(ReviewOpened event) {
        id = event.review();
        auditor = event.auditor();
        checkpoint = event.checkpoint();
    }

    @EventSourcingHandler
    void on(FindingGiven event) {
        findings.put(event.act(), new ReviewCompleted.Finding(event.act(), event.verdict(), event.comment(),
                                                              event.evidence(), event.reviewer(),
                                                              event.recordId()));
    }

    @EventSourcingHandler
    void on(ReviewCompleted event) {
        completed = true;
    }
}
