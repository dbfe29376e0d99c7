package org.coalitionledger.audit;

import org.coalitionledger.support.RecordTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether the audit is current: the sealer tells it how each pass ended. The audit is stale when the latest pass
 * failed (and none succeeded since), or when no pass has completed for longer than {@code ledger.audit.gap-timeout}
 * plus {@code ledger.audit.seal-interval} (sealing stopped, hangs, or has fallen that far behind). Verify then answers
 * {@code "stale"} instead of {@code "ok"}, readiness is DOWN ({@link AuditSealingHealth}) and the audit page says so.
 */
@Component
public class SealingWatch {

    private final Clock clock;
    private final Duration allowance;
    private volatile Instant lastPassAt;
    private volatile Instant failedAt;
    private volatile String failure;

    SealingWatch(Clock clock, @Value("${ledger.audit.gap-timeout:PT1M}") Duration gapTimeout,
                 @Value("${ledger.audit.seal-interval:PT1S}") Duration sealInterval) {
        this.clock = clock;
        this.allowance = gapTimeout.plus(sealInterval);
        this.lastPassAt = clock.instant();
    }

    void passCompleted() {
        lastPassAt = clock.instant();
        failure = null;
        failedAt = null;
    }

    void passFailed(String why) {
        if (failure == null) {
            failedAt = clock.instant();
        }
        failure = why;
    }

    /** Why the audit is stale, or empty while it is current. The reason names no internals (the log has them). */
    public Optional<String> staleReason() {
        String why = failure;
        if (why != null) {
            return Optional.of("sealing has failed since " + RecordTime.shown(failedAt) + ": " + why
                                       + "; events recorded since are not sealed");
        }
        Instant last = lastPassAt;
        if (clock.instant().isAfter(last.plus(allowance))) {
            return Optional.of("no sealing pass has completed since " + RecordTime.shown(last) + ", more than "
                                       + "ledger.audit.gap-timeout plus ledger.audit.seal-interval (" + allowance
                                       + ") ago; events recorded since may not be sealed");
        }
        return Optional.empty();
    }
}
