package org.coalitionledger.audit;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/** DOWN while the audit is stale ({@link SealingWatch}); part of the readiness group. Reads no database. */
@Component("auditSealing")
class AuditSealingHealth implements HealthIndicator {

    private final SealingWatch watch;

    AuditSealingHealth(SealingWatch watch) {
        this.watch = watch;
    }

    @Override
    public Health health() {
        return watch.staleReason().map(reason -> Health.down().withDetail("reason", reason).build())
                .orElseGet(() -> Health.up().build());
    }
}
