package org.coalitionledger.admin;

import jakarta.annotation.PreDestroy;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.coalitionledger.cluster.NodeIdentity;
import org.coalitionledger.cluster.SegmentBalancer;
import org.coalitionledger.common.Rejection;
import org.coalitionledger.common.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
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
 * at the next start (Axon's replay tokens are in {@code token_entry}). Progress — events done, total, rate — is logged
 * every few seconds by the nodes processing the projection and answered by {@link #rebuilds()}.
 * <p>
 * Several nodes: a reset needs every segment's claim. While a row's tokens are not yet reset, every other node stops
 * its processor of that projection (seen within a second), which releases its claims, and starts it again once they
 * are; the node that started the rebuild waits for the claims (at most Axon's claim timeout and a few seconds, for a
 * node that died holding some), then resets. A row whose tokens were never reset and whose node is no longer alive
 * (it stopped between writing the row and the reset) is reset by whichever node sees it first, the others waiting
 * on its row lock. The reset also gives the projection the configured number of segments
 * ({@code ledger.projections.segments}) if its tokens have another number.
 */
@Service
public class RebuildService {

    private static final Logger log = LoggerFactory.getLogger(RebuildService.class);
    /** How long the rebuilds under way are read from the database at most once, for every query that asks. */
    private static final Duration CACHED_FOR = Duration.ofSeconds(1);
    /** Beyond the claim timeout, how long a rebuild waits for the other nodes to release their claims. */
    private static final Duration RELEASE_MARGIN = Duration.ofSeconds(5);

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final RebuildRecords records;
    private final TokenPositions positions;
    private final TransactionTemplate transactions;
    private final Clock clock;
    /** The rebuilds started or resumed by this node since it started, for {@link #rebuilds()}. */
    private final Map<String, Rebuild> seen = new ConcurrentHashMap<>();
    private final Map<String, Instant> finished = new ConcurrentHashMap<>();
    private final TokenStore tokenStore;
    private final SegmentBalancer cluster;
    private final NodeIdentity node;
    private final Environment environment;
    private final Duration claimTimeout;
    /** The projections whose tokens this node is resetting now. */
    private final Set<String> resetting = ConcurrentHashMap.newKeySet();
    /** The projections whose processor this node has stopped while another node resets their tokens. */
    private final Set<String> paused = ConcurrentHashMap.newKeySet();
    /** Rows whose reset this node tried and another node's claims refused, so that the log says it once. */
    private final Set<String> resetRefused = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "rebuild-progress");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Snapshot snapshot;

    RebuildService(EventProcessingConfiguration processing, EventStore eventStore, RebuildRecords records,
                   TokenPositions positions, PlatformTransactionManager transactionManager, Clock clock,
                   TokenStore tokenStore, SegmentBalancer cluster, NodeIdentity node, Environment environment,
                   @Value("${axon.eventhandling.tokenstore.claim-timeout:10s}") Duration claimTimeout) {
        this.clock = clock;
        this.tokenStore = tokenStore;
        this.cluster = cluster;
        this.node = node;
        this.environment = environment;
        this.claimTimeout = claimTimeout;
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
    public record Rebuild(String group, Instant startedAt, long total, boolean tokensReset, String startedBy) {
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
        coordinate();
        ticks.scheduleWithFixedDelay(this::watch, 1, 1, TimeUnit.SECONDS);
        ticks.scheduleAtFixedRate(this::report, 5, 5, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        ticks.shutdownNow();
    }

    public Progress start(String group) {
        StreamingEventProcessor processor = processor(group);
        Rebuild rebuild;
        synchronized (this) {
            TrackingToken head = eventStore.createHeadToken();
            rebuild = new Rebuild(group, clock.instant(), head == null ? 0 : head.position().orElse(0), false,
                                  node.value());
            resetting.add(group);
            try {
                records.insert(rebuild);
            } catch (DuplicateKeyException e) {
                resetting.remove(group);
                throw Rejection.conflict("group", "the " + group + " projection is already being rebuilt");
            }
            snapshot = null;
        }
        log.info("Rebuilding the {} projection from {} stored events; the other nodes stop processing it until its"
                         + " tokens are reset", group, rebuild.total());
        Duration wait = claimTimeout.plus(RELEASE_MARGIN);
        try {
            if (!resetWhenReleased(processor, group, System.nanoTime() + wait.toNanos())) {
                // a node that neither releases nor lets its claims expire; leave everything as it was
                records.delete(group);
                snapshot = null;
                throw Rejection.conflict("group", "another node still holds segments of the " + group
                        + " projection after " + wait.toSeconds() + " s (a node of an earlier version?); a rebuild"
                        + " needs every segment, nothing was changed (docs/operations.md)");
            }
        } finally {
            resetting.remove(group);
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

    /**
     * Stops this node's processor and resets the tokens as soon as no other node holds a claim (they stop theirs when
     * they see the row), then starts it again. False if claims were still held at the deadline.
     */
    private boolean resetWhenReleased(StreamingEventProcessor processor, String group, long deadline) {
        processor.shutDown();
        try {
            while (true) {
                try {
                    resetNow(processor, group);
                    return true;
                } catch (UnableToClaimTokenException e) {
                    if (System.nanoTime() > deadline) {
                        return false;
                    }
                    Thread.sleep(250);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            processor.start();
        }
    }

    /**
     * Resets the tokens of a stopped processor and notes so, in one transaction that first locks the rebuild's row:
     * a node that finds the tokens reset already (by another node, while it waited for the lock) leaves them.
     * Throws {@link UnableToClaimTokenException} while another node holds a claim.
     */
    private void resetNow(StreamingEventProcessor processor, String group) {
        transactions.executeWithoutResult(tx -> {
            if (!records.lockToReset(group)) {
                return;
            }
            resegment(group);
            processor.resetTokens();
            records.markTokensReset(group);
        });
    }

    /**
     * Gives the projection the configured number of segments if its tokens have another number: claims every
     * segment (or throws), deletes them and creates the configured number at the head of the event store, so that
     * the reset that follows marks every stored event as replayed, as it does for tokens kept.
     */
    private void resegment(String group) {
        int wanted = environment.getProperty("axon.eventhandling.processors." + group + ".initial-segment-count",
                                             Integer.class, 1);
        int[] segments = tokenStore.fetchSegments(group);
        if (segments.length == wanted || segments.length == 0) {
            return;
        }
        for (int segment : segments) {
            tokenStore.fetchToken(group, segment);
        }
        for (int segment : segments) {
            tokenStore.deleteToken(group, segment);
        }
        tokenStore.initializeTokenSegments(group, wanted, eventStore.createHeadToken());
        log.info("The {} projection had {} segments; it has {} from this rebuild on (ledger.projections.segments)",
                 group, segments.length, wanted);
    }

    /**
     * Every second (and at start): stops this node's processor of a projection whose rebuild's tokens another node is
     * about to reset, starts it again once they are, and resets the tokens of a row whose node is no longer alive
     * (it stopped between writing the row and the reset; before this version rows name no node). Until the reset,
     * the projection is complete but its reads answer 503.
     */
    private void coordinate() {
        List<Rebuild> rows = records.all();
        Set<String> toReset = new HashSet<>();
        for (Rebuild rebuild : rows) {
            if (rebuild.tokensReset() || resetting.contains(rebuild.group())) {
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
            toReset.add(rebuild.group());
            if (paused.add(rebuild.group())) {
                log.info("Stopping the {} projection on this node while its rebuild's tokens are reset",
                         rebuild.group());
                processor.get().shutDown();
            }
            if (abandoned(rebuild)) {
                resetAbandoned(processor.get(), rebuild);
            }
        }
        for (String group : List.copyOf(paused)) {
            if (!toReset.contains(group) || resetDone(group)) {
                paused.remove(group);
                processing.eventProcessor(group, StreamingEventProcessor.class)
                        .ifPresent(StreamingEventProcessor::start);
                log.info("Processing the {} projection on this node again", group);
            }
        }
        resetRefused.retainAll(toReset);
        snapshot = null;
    }

    private boolean abandoned(Rebuild rebuild) {
        return rebuild.startedBy() == null || rebuild.startedBy().equals(node.value())
                || !cluster.isLive(rebuild.startedBy());
    }

    private boolean resetDone(String group) {
        return records.all().stream().noneMatch(r -> r.group().equals(group) && !r.tokensReset());
    }

    private void resetAbandoned(StreamingEventProcessor processor, Rebuild rebuild) {
        if (!resetRefused.contains(rebuild.group())) {
            log.warn("The rebuild of the {} projection was recorded at {} but its node stopped before resetting its"
                             + " tokens; resetting them now", rebuild.group(), rebuild.startedAt());
        }
        try {
            resetNow(processor, rebuild.group());
            seen.put(rebuild.group(), rebuild);
        } catch (UnableToClaimTokenException e) {
            if (resetRefused.add(rebuild.group())) {
                log.warn("Cannot reset the tokens of the {} projection while another node holds a claim (it releases"
                                 + " it within a second, or the claim expires); trying again every second",
                         rebuild.group());
            }
        }
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
            coordinate();
            refresh();
        } catch (RuntimeException e) {
            log.warn("Could not check the rebuilds under way: {}", e.getMessage());
        }
    }

    /** Logs the progress of the rebuilds this node takes part in. */
    private void report() {
        try {
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
