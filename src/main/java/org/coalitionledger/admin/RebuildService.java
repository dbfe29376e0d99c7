package org.coalitionledger.admin;

import jakarta.annotation.PreDestroy;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.coalitionledger.common.Rejection;
import org.coalitionledger.common.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Rebuilds a projection from the event store: notes the rebuild in {@code projection_rebuild}, stops the projection's
 * processor, resets its tokens (its reset handler empties its tables) and starts it again, so that it replays every
 * event up to the head of the event store at the start (the target). The rebuild is over when every segment's token
 * has reached the target; then its row is deleted.
 * <p>
 * The row is what makes a rebuild durable and visible to every node: while it exists, reads that need the
 * projection are refused plainly ({@link RebuildGuard}) rather than answered from a half-built table, on every node
 * sharing the database and from the first request after a start. A rebuild interrupted by a crash or a stop goes on
 * at the next start (Axon's replay tokens are in {@code token_entry}); a row whose tokens were never noted as reset
 * (the node stopped between the two) has its reset done again. Progress — events done, total, rate — is logged
 * every few seconds by the nodes processing the projection and answered by {@link #rebuilds()}.
 */
@Service
public class RebuildService {

    private static final Logger log = LoggerFactory.getLogger(RebuildService.class);
    /** How long the rebuilds under way are read from the database at most once, for every query that asks. */
    private static final Duration CACHED_FOR = Duration.ofSeconds(1);

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final RebuildRecords records;
    private final TokenPositions positions;
    private final TransactionTemplate transactions;
    private final Clock clock;
    /** The rebuilds started or resumed by this node since it started, for {@link #rebuilds()}. */
    private final Map<String, Rebuild> seen = new ConcurrentHashMap<>();
    private final Map<String, Instant> finished = new ConcurrentHashMap<>();
    /** Rebuilds found at start with their tokens not reset, whose reset another node's claims refused. */
    private final Set<String> resetRefused = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "rebuild-progress");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Snapshot snapshot;

    RebuildService(EventProcessingConfiguration processing, EventStore eventStore, RebuildRecords records,
                   TokenPositions positions, PlatformTransactionManager transactionManager, Clock clock) {
        this.clock = clock;
        this.processing = processing;
        this.eventStore = eventStore;
        this.records = records;
        this.positions = positions;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * A rebuild: when it started, the head of the event store (its global index) it must reach, and whether the
     * processor's tokens have been reset. Progress is counted in global-index positions, which equal event counts as
     * long as the index has no gaps.
     */
    public record Rebuild(String group, Instant startedAt, long total, boolean tokensReset) {
    }

    /** Where a projection's rebuild stands; {@code rate} in events per second. */
    public record Progress(String group, String state, long done, long total, double rate, Instant startedAt,
                           Instant finishedAt) {
    }

    /** The rebuilds under way as read from the database at one moment, with their progress. */
    private record Snapshot(long readAt, Map<String, Progress> running) {
    }

    /** Once the processors run: goes on with the rebuilds found in the database, then watches them every second. */
    @EventListener(ApplicationReadyEvent.class)
    void resumeAndWatch() {
        for (Rebuild rebuild : records.all()) {
            seen.put(rebuild.group(), rebuild);
            if (rebuild.tokensReset()) {
                log.info("Resuming the rebuild of the {} projection started at {}, interrupted when this or another"
                                 + " node stopped: it replays up to event {}; until then its reads answer 503",
                         rebuild.group(), rebuild.startedAt(), rebuild.total());
            }
        }
        resetWhereNotDone(true);
        ticks.scheduleWithFixedDelay(this::watch, 1, 1, TimeUnit.SECONDS);
        ticks.scheduleAtFixedRate(this::report, 5, 5, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        ticks.shutdownNow();
    }

    public synchronized Progress start(String group) {
        StreamingEventProcessor processor = processor(group);
        TrackingToken head = eventStore.createHeadToken();
        Rebuild rebuild = new Rebuild(group, clock.instant(), head == null ? 0 : head.position().orElse(0), false);
        try {
            records.insert(rebuild);
        } catch (DuplicateKeyException e) {
            throw Rejection.conflict("group", "the " + group + " projection is already being rebuilt");
        }
        snapshot = null;
        log.info("Rebuilding the {} projection from {} stored events", group, rebuild.total());
        try {
            reset(processor, group);
        } catch (UnableToClaimTokenException e) {
            // another node on the same database holds segments of this projection; leave everything as it was
            records.delete(group);
            snapshot = null;
            throw Rejection.conflict("group", "another node is processing the " + group + " projection; a rebuild"
                    + " needs every segment, so run it while only this node is running (docs/operations.md)");
        }
        seen.put(group, rebuild);
        finished.remove(group);
        return progress(rebuild, positions.of(group));
    }

    /** The rebuilds under way on the database, and those this node saw finish since it started. */
    public List<Progress> rebuilds() {
        Map<String, Progress> running = refresh().running();
        List<Progress> all = new ArrayList<>(running.values());
        seen.values().stream().filter(r -> !running.containsKey(r.group())).map(this::done).forEach(all::add);
        return all;
    }

    /** The rebuild of this group, if one is under way on the database (as read at most a second ago). */
    public Optional<Progress> running(String group) {
        Snapshot current = snapshot;
        if (!fresh(current)) {
            synchronized (this) {
                current = fresh(snapshot) ? snapshot : refresh();
            }
        }
        return Optional.ofNullable(current.running().get(group));
    }

    private static boolean fresh(Snapshot snapshot) {
        return snapshot != null && System.nanoTime() - snapshot.readAt() < CACHED_FOR.toNanos();
    }

    boolean isRebuilding(String group) {
        return running(group).isPresent();
    }

    /** Stops the processor, resets its tokens and notes so in one transaction, and starts it again. */
    private void reset(StreamingEventProcessor processor, String group) {
        processor.shutDown();
        try {
            transactions.executeWithoutResult(tx -> {
                processor.resetTokens();
                records.markTokensReset(group);
            });
        } finally {
            processor.start();
        }
    }

    /**
     * Rows whose tokens were never noted as reset: the node stopped after writing the row and before the reset
     * committed. The reset is done (again) now; until it is, the projection is complete but its reads answer 503.
     * Only at start and for the rows found then: a row written a moment ago by another node's rebuild that has not
     * reset yet is not this node's to reset. A reset refused because another node holds segments is tried again
     * every 5 s.
     */
    private synchronized void resetWhereNotDone(boolean atStart) {
        if (!atStart && resetRefused.isEmpty()) {
            return;
        }
        List<Rebuild> rows = records.all();
        resetRefused.retainAll(rows.stream().map(Rebuild::group).toList());
        for (Rebuild rebuild : rows) {
            if (rebuild.tokensReset() || !atStart && !resetRefused.contains(rebuild.group())) {
                continue;
            }
            Optional<StreamingEventProcessor> processor = processing.eventProcessor(rebuild.group(),
                                                                                    StreamingEventProcessor.class);
            if (processor.isEmpty()) {
                log.warn("Dropping the record of a rebuild of '{}', which is no projection of this version",
                         Text.clip(rebuild.group()));
                records.delete(rebuild.group());
                continue;
            }
            log.warn("The rebuild of the {} projection was recorded at {} but its node stopped before resetting its"
                             + " tokens; resetting them now", rebuild.group(), rebuild.startedAt());
            try {
                reset(processor.get(), rebuild.group());
                seen.put(rebuild.group(), rebuild);
                resetRefused.remove(rebuild.group());
            } catch (UnableToClaimTokenException e) {
                resetRefused.add(rebuild.group());
                log.warn("Cannot reset the tokens of the {} projection while another node processes it; trying again"
                                 + " in 5 s (stop the other nodes, docs/operations.md)", rebuild.group());
            }
        }
        snapshot = null;
    }

    /** Reads the rebuilds under way; deletes the rows of those whose every segment has reached the target. */
    private synchronized Snapshot refresh() {
        Map<String, Progress> running = new LinkedHashMap<>();
        for (Rebuild rebuild : records.all()) {
            List<Long> tokens = positions.of(rebuild.group());
            if (rebuild.tokensReset() && reached(rebuild, tokens)) {
                if (records.delete(rebuild.group())) {
                    log.info("Rebuilt the {} projection: {} events in {}", rebuild.group(), rebuild.total(),
                             Duration.between(rebuild.startedAt(), clock.instant()).withNanos(0));
                }
                seen.putIfAbsent(rebuild.group(), rebuild);
                finished.putIfAbsent(rebuild.group(), clock.instant());
            } else {
                running.put(rebuild.group(), progress(rebuild, tokens));
            }
        }
        Snapshot current = new Snapshot(System.nanoTime(), Map.copyOf(running));
        snapshot = current;
        return current;
    }

    private static boolean reached(Rebuild rebuild, List<Long> tokens) {
        return rebuild.total() == 0 || !tokens.isEmpty() && tokens.stream().allMatch(p -> p >= rebuild.total());
    }

    private Progress progress(Rebuild rebuild, List<Long> tokens) {
        long done = Math.min(tokens.stream().mapToLong(Long::longValue).min().orElse(0), rebuild.total());
        return new Progress(rebuild.group(), "REBUILDING", done, rebuild.total(),
                            rate(done, rebuild.startedAt(), clock.instant()), rebuild.startedAt(), null);
    }

    private Progress done(Rebuild rebuild) {
        Instant finishedAt = finished.computeIfAbsent(rebuild.group(), g -> clock.instant());
        return new Progress(rebuild.group(), "DONE", rebuild.total(), rebuild.total(),
                            rate(rebuild.total(), rebuild.startedAt(), finishedAt), rebuild.startedAt(), finishedAt);
    }

    private static double rate(long done, Instant from, Instant until) {
        double seconds = Math.max(0.001, Duration.between(from, until).toMillis() / 1000.0);
        return Math.round(done / seconds * 10) / 10.0;
    }

    private void watch() {
        try {
            refresh();
        } catch (RuntimeException e) {
            log.warn("Could not check the rebuilds under way: {}", e.getMessage());
        }
    }

    /** Logs the progress of the rebuilds this node takes part in, and retries resets that could not be done. */
    private void report() {
        try {
            resetWhereNotDone(false);
            refresh().running().values().stream().filter(p -> processesSomeSegment(p.group()))
                    .forEach(p -> log.info("Rebuilding {}: {} of {} events, {} events/s", p.group(), p.done(),
                                           p.total(), p.rate()));
        } catch (RuntimeException e) {
            log.warn("Could not report rebuild progress: {}", e.getMessage());
        }
    }

    private boolean processesSomeSegment(String group) {
        return processing.eventProcessor(group, StreamingEventProcessor.class)
                .map(p -> !p.processingStatus().isEmpty()).orElse(false);
    }

    private StreamingEventProcessor processor(String group) {
        return processing.eventProcessor(group, StreamingEventProcessor.class).orElseThrow(
                () -> Rejection.notFound("group", "unknown projection '" + Text.clip(group)
                        + "'; the projections are membership, commitments, history and reviews"));
    }
}
