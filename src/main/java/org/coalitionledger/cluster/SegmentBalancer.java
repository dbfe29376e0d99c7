package org.coalitionledger.cluster;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Splits the projections' segments between the nodes on one database. A tracking processor claims every segment it
 * has threads for, so the node that starts first would keep them all. Every {@code ledger.cluster.heartbeat} this
 * node notes in {@code ledger_node} that it is alive, counts the nodes seen within {@code ledger.cluster.node-timeout}
 * and the segments each holds in {@code token_entry}, and works out its {@link FairShare}: it releases the segments
 * it holds beyond its share for {@code ledger.cluster.release-duration}, and while it holds its share it claims no
 * free segment for as long, leaving it to a node below its share. A free segment that no node has taken within the
 * release duration (its node died meanwhile) is claimed by any node again. A node that stops deletes its row and its
 * processors release their claims, so the others take over its segments; a node that dies leaves claims that expire
 * after Axon's claim timeout.
 */
@Component
public class SegmentBalancer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);
    /** Rows of nodes silent for this long are removed. */
    private static final Duration FORGET_AFTER = Duration.ofDays(1);

    private final JdbcTemplate jdbc;
    private final EventProcessingConfiguration processing;
    private final NodeIdentity node;
    private final Duration heartbeat;
    private final Duration nodeTimeout;
    private final Duration releaseDuration;
    /** Per processor, the segments without an owner and since when this node has seen them so. */
    private final Map<String, Map<Integer, Long>> freeSince = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService scheduler;

    SegmentBalancer(JdbcTemplate jdbc, EventProcessingConfiguration processing, NodeIdentity node,
                    @Value("${ledger.cluster.heartbeat:PT2S}") Duration heartbeat,
                    @Value("${ledger.cluster.node-timeout:PT10S}") Duration nodeTimeout,
                    @Value("${ledger.cluster.release-duration:PT10S}") Duration releaseDuration) {
        this.jdbc = jdbc;
        this.processing = processing;
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

    /** Whether the node has said within {@code ledger.cluster.node-timeout} that it is alive. */
    public boolean isLive(String nodeId) {
        return liveNodes().contains(nodeId);
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

    private Set<String> liveNodes() {
        Set<String> live = new HashSet<>(jdbc.queryForList("select node_id from ledger_node where seen_at >= ?",
                                                           String.class,
                                                           System.currentTimeMillis() - nodeTimeout.toMillis()));
        live.add(node.value());
        return live;
    }

    private void balance(Set<String> live) {
        long now = System.currentTimeMillis();
        for (TrackingEventProcessor processor : trackingProcessors()) {
            if (!processor.isRunning()) {
                freeSince.remove(processor.getName());
                continue;
            }
            String name = processor.getName();
            Map<Integer, String> owners = new HashMap<>();
            jdbc.query("select segment, owner from token_entry where processor_name = ?",
                       row -> {
                           owners.put(row.getInt("segment"), row.getString("owner"));
                       }, name);
            Map<String, Integer> held = new HashMap<>();
            owners.values().stream().filter(Objects::nonNull).forEach(o -> held.merge(o, 1, Integer::sum));
            FairShare share = FairShare.of(owners.size(), live, held);
            List<Integer> mine = processor.processingStatus().keySet().stream().sorted().toList();
            for (int i = mine.size() - 1; i >= share.keep(); i--) {
                int segment = mine.get(i);
                log.info("Releasing segment {} of {} for {}: {} nodes are live, this one ({}) holds {} of {}",
                         segment, name, releaseDuration, live.size(), node.value(), mine.size(), owners.size());
                processor.releaseSegment(segment, releaseDuration.toMillis(), TimeUnit.MILLISECONDS);
            }
            // free segments: while this node holds its share, leave them to a node below it, for a while
            Map<Integer, Long> free = freeSince.computeIfAbsent(name, n -> new ConcurrentHashMap<>());
            free.keySet().retainAll(owners.entrySet().stream().filter(e -> e.getValue() == null)
                                            .map(Map.Entry::getKey).toList());
            owners.forEach((segment, owner) -> {
                if (owner == null) {
                    free.putIfAbsent(segment, now);
                }
            });
            if (mine.size() >= share.keep()) {
                free.forEach((segment, since) -> {
                    if (!mine.contains(segment) && now - since < releaseDuration.toMillis()) {
                        processor.releaseSegment(segment, 2 * heartbeat.toMillis(), TimeUnit.MILLISECONDS);
                    }
                });
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
