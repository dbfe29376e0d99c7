package org.coalitionledger.admin;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * {@code ledger.projection.lag{group}}: how many events each projection is behind the event store, registered once
 * the application is ready (when Axon's processors exist).
 */
@Component
class ProjectionMetrics {

    private final ProjectionLag lag;
    private final MeterRegistry registry;

    ProjectionMetrics(ProjectionLag lag, MeterRegistry registry) {
        this.lag = lag;
        this.registry = registry;
    }

    @EventListener(ApplicationReadyEvent.class)
    void register() {
        for (String group : lag.groups()) {
            Gauge.builder("ledger.projection.lag", lag, projections -> projections.of(group))
                    .description("Events in the event store that the projection has not processed yet")
                    .baseUnit("events").tag("group", group).register(registry);
        }
    }
}
