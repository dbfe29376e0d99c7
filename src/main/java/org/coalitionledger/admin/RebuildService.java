package org.coalitionledger.admin;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.coalitionledger.common.Rejection;
import org.coalitionledger.common.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Rebuilds a projection from the event store: stops its processor, resets its tokens (its reset handler empties
 * its tables) and starts it again, so that it replays every event. Progress — events done, total, rate — is logged
 * every few seconds and answered by {@link #rebuilds()}. While a projection rebuilds, reads that need it are
 * refused plainly (see {@link RebuildGuard}) rather than answered from a half-built table.
 */
@Service
public class RebuildService {

    private static final Logger log = LoggerFactory.getLogger(RebuildService.class);

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final Map<String, Rebuild> rebuilds = new ConcurrentHashMap<>();
    private final Map<String, Instant> finished = new ConcurrentHashMap<>();
    private final ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "rebuild-progress");
        thread.setDaemon(true);
        return thread;
    });

    RebuildService(EventProcessingConfiguration processing, EventStore eventStore) {
        this.processing = processing;
        this.eventStore = eventStore;
        progress.scheduleAtFixedRate(this::report, 5, 5, TimeUnit.SECONDS);
    }

    /**
     * A rebuild: when it started and the head of the event store (its global index) it must reach. Progress is
     * counted in global-index positions, which equal event counts as long as the index has no gaps.
     */
    public record Rebuild(String group, Instant startedAt, long total) {
    }

    /** Where a projection's rebuild stands; {@code rate} in events per second. */
    public record Progress(String group, String state, long done, long total, double rate, Instant startedAt,
                           Instant finishedAt) {
    }

    public Progress start(String group) {
        StreamingEventProcessor processor = processor(group);
        if (rebuilds.containsKey(group) && isRebuilding(group)) {
            throw Rejection.conflict("group", "the " + group + " projection is already being rebuilt");
        }
        TrackingToken head = eventStore.createHeadToken();
        long total = head == null ? 0 : head.position().orElse(0);
        log.info("Rebuilding the {} projection from {} stored events", group, total);
        processor.shutDown();
        try {
            processor.resetTokens();
        } catch (UnableToClaimTokenException e) {
            // another node on the same database holds segments of this projection; leave everything as it was
            processor.start();
            throw Rejection.conflict("group", "another node is processing the " + group + " projection; a rebuild"
                    + " needs every segment, so run it while only this node is running (docs/operations.md)");
        }
        Rebuild rebuild = new Rebuild(group, Instant.now(), total);
        rebuilds.put(group, rebuild);
        finished.remove(group);
        processor.start();
        return progress(rebuild);
    }

    public List<Progress> rebuilds() {
        return rebuilds.values().stream().map(this::progress).toList();
    }

    /** The rebuild of this group, if one is running now. */
    public Optional<Progress> running(String group) {
        Rebuild rebuild = rebuilds.get(group);
        if (rebuild == null) {
            return Optional.empty();
        }
        Progress progress = progress(rebuild);
        return progress.state().equals("REBUILDING") ? Optional.of(progress) : Optional.empty();
    }

    boolean isRebuilding(String group) {
        return running(group).isPresent();
    }

    private Progress progress(Rebuild rebuild) {
        StreamingEventProcessor processor = processor(rebuild.group());
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        long done = status.values().stream()
                .mapToLong(s -> s.getCurrentPosition().orElse(0)).min().orElse(0);
        // Axon keeps a replay flag until an event newer than the reset arrives; the rebuild is done once every
        // segment has reached the head the rebuild started from
        boolean replaying = processor.isRunning() && (status.isEmpty() || done < rebuild.total());
        if (!replaying) {
            done = rebuild.total();
        }
        Instant finishedAt = replaying ? null : finished.computeIfAbsent(rebuild.group(), g -> Instant.now());
        Instant until = finishedAt == null ? Instant.now() : finishedAt;
        double seconds = Math.max(0.001, Duration.between(rebuild.startedAt(), until).toMillis() / 1000.0);
        return new Progress(rebuild.group(), replaying ? "REBUILDING" : "DONE", Math.min(done, rebuild.total()),
                            rebuild.total(), Math.round(done / seconds * 10) / 10.0, rebuild.startedAt(),
                            finishedAt);
    }

    private void report() {
        try {
            rebuilds.values().stream().map(this::progress).filter(p -> p.state().equals("REBUILDING"))
                    .forEach(p -> log.info("Rebuilding {}: {} of {} events, {} events/s", p.group(), p.done(),
                                           p.total(), p.rate()));
        } catch (RuntimeException e) {
            log.warn("Could not report rebuild progress", e);
        }
    }

    private StreamingEventProcessor processor(String group) {
        return processing.eventProcessor(group, StreamingEventProcessor.class).orElseThrow(
                () -> Rejection.notFound("group", "unknown projection '" + Text.clip(group)
                        + "'; the projections are membership, commitments and history"));
    }
}
