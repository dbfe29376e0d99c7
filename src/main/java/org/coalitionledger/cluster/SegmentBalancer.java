package org.coalitionledger.cluster;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Splits the projections' segments between the nodes on one database. A tracking processor claims every segment it
 * has threads for, so the node that starts first would keep them all. Every {@code ledger.cluster.heartbeat} this
 * node notes in {@code ledger_node} that it is alive, counts the nodes seen within {@code ledger.cluster.node-timeout},
 * and releases the segments it holds beyond its fair share (segments / live nodes, rounded up) for
 * {@code ledger.cluster.release-duration}; an idle processor thread of another node claims them at its next try.
 * If no other node takes a released segment (it died meanwhile), this node claims it again once the release ends. A
 * node that stops deletes its row and its processors release their claims, so the others take over its segments;
 * a node that dies leaves claims that expire after Axon's claim timeout.
 */
@Component
public class SegmentBalancer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);
    /** Rows of nodes silent for this long are removed. */
    private static final Duration FORGET_AFTER = Duration.ofDays(1);

    private final JdbcTemplate jdbc;
    private final EventProcessingConfiguration processing;
    private final TokenStore tokens;
    private final NodeIdentity node;
    private final Duration heartbeat;
    private final Duration nodeTimeout;
    private final Duration releaseDuration;
    private volatile ScheduledExecutorService scheduler;

    SegmentBalancer(JdbcTemplate jdbc, EventProcessingConfiguration processing, TokenStore tokens, NodeIdentity node,
                    @Value("${ledger.cluster.heartbeat:PT2S}") Duration heartbeat,
                    @Value("${ledger.cluster.node-timeout:PT10S}") Duration nodeTimeout,
                    @Value("${ledger.cluster.release-duration:PT10S}") Duration releaseDuration) {
        this.jdbc = jdbc;
        this.processing = processing;
        this.tokens = tokens;
        this.node = node;
        this.heartbeat = heartbeat;
        this.nodeTimeout = nodeTimeout;
        this.releaseDuration = releaseDuration;
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "segment-balancer");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::tick, 0, heartbeat.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = scheduler;
        scheduler = null;
        if (running == null) {
            return;
        }
        running.shutdownNow();
        try {
            running.awaitTermination(5, TimeUnit.SECONDS);
            jdbc.update("delete from ledger_node where node_id = ?", node.value());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("Could not remove node {} from ledger_node: {}", node.value(), e.getMessage());
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }

    /** One round: say this node is alive, then give away the segments beyond its share. Never throws. */
    void tick() {
        try {
            beat();
            balance(liveNodes());
        } catch (RuntimeException e) {
            log.warn("Segment balancing skipped this round: {}", e.getMessage());
        }
    }

    private void beat() {
        long now = System.currentTimeMillis();
        if (jdbc.update("update ledger_node set seen_at = ? where node_id = ?", now, node.value()) == 0) {
            try {
                jdbc.update("insert into ledger_node (node_id, seen_at) values (?, ?)", node.value(), now);
            } catch (DuplicateKeyException raced) {
                // inserted by a previous round that we did not see commit; the next round updates it
            }
        }
        jdbc.update("delete from ledger_node where seen_at < ?", now - FORGET_AFTER.toMillis());
    }

    private int liveNodes() {
        Integer live = jdbc.queryForObject("select count(*) from ledger_node where seen_at >= ?", Integer.class,
                                           System.currentTimeMillis() - nodeTimeout.toMillis());
        return live == null || live < 1 ? 1 : live;
    }

    private void balance(int liveNodes) {
        for (TrackingEventProcessor processor : trackingProcessors()) {
            if (!processor.isRunning()) {
                continue;
            }
            int segments = tokens.fetchSegments(processor.getName()).length;
            int share = (segments + liveNodes - 1) / liveNodes;
            List<Integer> mine = processor.processingStatus().keySet().stream().sorted().toList();
            for (int i = mine.size() - 1; i >= share; i--) {
                int segment = mine.get(i);
                log.info("Releasing segment {} of {} for {}: {} nodes are live, this one ({}) holds {} of {}",
                         segment, processor.getName(), releaseDuration, liveNodes, node.value(), mine.size(),
                         segments);
                processor.releaseSegment(segment, releaseDuration.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    private List<TrackingEventProcessor> trackingProcessors() {
        return processing.eventProcessors().values().stream()
                .filter(TrackingEventProcessor.class::isInstance)
                .map(TrackingEventProcessor.class::cast)
                .toList();
    }
}
