package org.coalitionledger.audit;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/**
 * The audit's meters: {@code ledger.audit.sealed} (events this node sealed into the Merkle tree),
 * {@code ledger.audit.verify.last} (when this node last ran a full verify, seconds since the epoch) and
 * {@code ledger.audit.verify.ok} (1 when it passed, 0 when it found a problem; absent values are NaN before the first).
 */
@Component
class AuditMetrics implements MeterBinder {

    private final AuditSealer sealer;
    private final AuditService audit;

    AuditMetrics(AuditSealer sealer, AuditService audit) {
        this.sealer = sealer;
        this.audit = audit;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder("ledger.audit.sealed", sealer, AuditSealer::sealedHere)
                .description("Events this node sealed into the audit's Merkle tree since it started")
                .baseUnit("events").register(registry);
        Gauge.builder("ledger.audit.verify.last", audit,
                      service -> service.lastVerify() == null ? Double.NaN
                                 : service.lastVerify().at().toEpochMilli() / 1000.0)
                .description("When this node last verified the whole event store against the tree (epoch seconds)")
                .baseUnit("seconds").register(registry);
        Gauge.builder("ledger.audit.verify.ok", audit,
                      service -> service.lastVerify() == null ? Double.NaN : service.lastVerify().ok() ? 1 : 0)
                .description("1 when this node's latest verify passed, 0 when it found a problem")
                .register(registry);
    }
}
