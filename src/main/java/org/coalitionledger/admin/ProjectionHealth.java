package org.coalitionledger.admin;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Part of the readiness group: DOWN while a projection is being rebuilt (its row in {@code projection_rebuild}, as
 * every node reads it) or lags the event store by more than {@code ledger.projections.ready-max-lag} events, naming
 * which; UP otherwise, with every projection's lag. Measured every second on a thread of its own, never while a
 * probe waits: a probe answers at once even while the database does not (the {@code db} check says so then).
 */
@Component("projections")
class ProjectionHealth implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(ProjectionHealth.class);

    private final ScheduledExecutorService measuring = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "projection-health");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Health latest = Health.up().build();

    private final Supplier<Map<String, Long>> lags;
    private final Function<String, Optional<RebuildService.Progress>> rebuilds;
    private final long maxLag;

    @Autowired
    ProjectionHealth(ProjectionLag lag, RebuildService rebuilds,
                     @Value("${ledger.projections.ready-max-lag:10000}") long maxLag) {
        this(lag::all, rebuilds::running, maxLag);
    }

    ProjectionHealth(Supplier<Map<String, Long>> lags, Function<String, Optional<RebuildService.Progress>> rebuilds,
                     long maxLag) {
        this.lags = lags;
        this.rebuilds = rebuilds;
        this.maxLag = maxLag;
    }

    @Override
    public Health health() {
        return latest;
    }

    @EventListener(ApplicationReadyEvent.class)
    void measureEverySecond() {
        measuring.scheduleWithFixedDelay(() -> {
            try {
                latest = measure();
            } catch (RuntimeException e) {
                log.debug("Could not measure the projections' lag", e);
            }
        }, 0, 1, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        measuring.shutdownNow();
    }

    /** The projections' state now (reads the database). */
    Health measure() {
        Map<String, Object> groups = new LinkedHashMap<>();
        boolean ready = true;
        for (Map.Entry<String, Long> group : lags.get().entrySet()) {
            Optional<RebuildService.Progress> rebuild = rebuilds.apply(group.getKey());
            String state;
            if (rebuild.isPresent()) {
                state = "rebuilding: " + rebuild.get().done() + " of " + rebuild.get().total() + " events";
                ready = false;
            } else if (group.getValue() > maxLag) {
                state = group.getValue() + " events behind (more than " + maxLag + ")";
                ready = false;
            } else {
                state = group.getValue() + " events behind";
            }
            groups.put(group.getKey(), state);
        }
        return (ready ? Health.up() : Health.down()).withDetails(groups).build();
    }
}
