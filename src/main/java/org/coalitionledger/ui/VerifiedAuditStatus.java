package org.coalitionledger.ui;

import org.coalitionledger.audit.AuditService;
import org.coalitionledger.audit.SealingWatch;
import org.coalitionledger.audit.Verification;
import org.coalitionledger.support.RecordTime;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit page's verification status from the audit service: the event store checked against the Merkle tree and
 * every signed checkpoint. A full verify reads every event, so a result is reused for a minute (the page says when
 * it was made); {@code GET /api/audit/verify} always verifies afresh.
 */
@Component
class VerifiedAuditStatus implements AuditStatus {

    static final Duration REUSE = Duration.ofMinutes(1);

    private final AuditService audit;
    private final SealingWatch sealing;
    private final Clock clock;
    private Report last;
    private Instant madeAt;

    VerifiedAuditStatus(AuditService audit, SealingWatch sealing, Clock clock) {
        this.audit = audit;
        this.sealing = sealing;
        this.clock = clock;
    }

    @Override
    public synchronized Report report() {
        Instant now = clock.instant();
        if (last == null || madeAt.plus(REUSE).isBefore(now)) {
            last = fresh(now);
            madeAt = now;
        }
        return stale(last);
    }

    /** A verified report while sealing is stale says so instead (asked at every call: it reads no database). */
    private Report stale(Report report) {
        if (!report.verified()) {
            return report;
        }
        return sealing.staleReason().map(reason -> {
            List<String> details = new ArrayList<>(report.details());
            details.add(0, "The audit is stale: " + reason + ".");
            return new Report(true, false, "the audit is stale: sealing has stopped, so new records are not"
                    + " protected (readiness is DOWN)", details);
        }).orElse(report);
    }

    private Report fresh(Instant now) {
        Verification.Result result = audit.verify();
        List<String> details = new ArrayList<>();
        long pending = result.pending();
        details.add("Verified at " + RecordTime.shown(now) + ": " + result.checkedRecords() + " records checked; "
                            + (pending == 0 ? "every record is sealed."
                : pending + (pending == 1 ? " record was" : " records were")
                + " recorded moments ago and will be sealed shortly (pending)."));
        details.add(result.verifiedCheckpoints() + " of " + result.checkpoints() + " signed checkpoints verified"
                            + (result.latestCheckpoint() == null ? "."
                : "; the latest covers " + result.latestCheckpoint().treeSize() + " records, root "
                + result.latestCheckpoint().rootHex() + "."));
        Verification.Problem problem = result.firstProblem();
        if (problem == null) {
            return new Report(true, true, "the event store matches the signed audit tree", details);
        }
        details.add(0, "First problem at position " + problem.position() + " (" + problem.kind().label() + ")"
                + (problem.recordId() == null ? "" : ", record " + problem.recordId()) + ": " + problem.detail());
        return new Report(true, false, "the stored history no longer matches the signed audit tree", details);
    }
}
