package org.coalitionledger.recording;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Read-your-writes for the API: after a command is stored, waits until every projection has processed the event
 * store up to its current head, so that a read right after a successful write sees it, on this node or any other
 * node on the same database. Segments this node processes are checked in memory; segments claimed by other nodes
 * through their stored tokens (a token is stored in the same transaction as the projection rows it covers). It gives
 * up after a bounded time and says so; the write itself has succeeded either way.
 */
@Component
public class ProjectionBarrier {

    private static final long SEGMENT_COUNT_TTL_NANOS = Duration.ofSeconds(5).toNanos();
    private static final long STORED_POSITIONS_TTL_NANOS = Duration.ofMillis(10).toNanos();

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final TokenStore tokenStore;
    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final Duration timeout;
    private final Map<String, SegmentCount> segmentCounts = new ConcurrentHashMap<>();
    private final Map<String, StoredPositions> storedPositions = new ConcurrentHashMap<>();

    ProjectionBarrier(EventProcessingConfiguration processing, EventStore eventStore, TokenStore tokenStore,
                      JdbcTemplate jdbc, Serializer serializer,
                      @Value("${ledger.read-your-writes-timeout:PT10S}") Duration timeout) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.tokenStore = tokenStore;
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.timeout = timeout;
    }

    private record SegmentCount(int count, long readAt) {
    }

    private record StoredPositions(Map<Integer, Long> positions, long readAt) {
    }

    /** True once every running projection has caught up with the head as it is now; false on time-out. */
    public boolean awaitProjections() {
        TrackingToken head = eventStore.createHeadToken();
        OptionalLong target = head == null ? OptionalLong.empty() : head.position();
        if (target.isEmpty()) {
            return true;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        Progress progress;
        while ((progress = progress(target.getAsLong())) != Progress.DONE) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                // stored tokens of other nodes are read from the database: poll those less eagerly
                Thread.sleep(progress == Progress.WAITING_HERE ? 2 : 10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private enum Progress { DONE, WAITING_HERE, WAITING_ELSEWHERE }

    private Progress progress(long position) {
        List<StreamingEventProcessor> running = processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .filter(StreamingEventProcessor::isRunning)
                .toList();
        boolean elsewhere = false;
        for (StreamingEventProcessor processor : running) {
            Map<Integer, EventTrackerStatus> here = processor.processingStatus();
            if (!here.values().stream().allMatch(status -> status.getCurrentPosition().orElse(-1) >= position)) {
                return Progress.WAITING_HERE;
            }
            elsewhere |= here.size() < segmentCount(processor.getName());
        }
        if (!elsewhere) {
            return Progress.DONE;
        }
        for (StreamingEventProcessor processor : running) {
            Map<Integer, EventTrackerStatus> here = processor.processingStatus();
            if (here.size() < segmentCount(processor.getName())
                    && !storedTokensReach(processor.getName(), here, position)) {
                return Progress.WAITING_ELSEWHERE;
            }
        }
        return Progress.DONE;
    }

    /** Whether the tokens stored for the segments that this node does not process have reached the position. */
    private boolean storedTokensReach(String processorName, Map<Integer, EventTrackerStatus> here, long position) {
        return storedPositions(processorName).entrySet().stream()
                .filter(segment -> !here.containsKey(segment.getKey()))
                .allMatch(segment -> segment.getValue() >= position);
    }

    /**
     * The position of each segment's stored token (-1 if none yet), read at most once per
     * {@link #STORED_POSITIONS_TTL_NANOS} however many writes are waiting, so that waiting costs the database one small
     * query per projection at a time.
     */
    private Map<Integer, Long> storedPositions(String processorName) {
        long now = System.nanoTime();
        StoredPositions known = storedPositions.get(processorName);
        if (known != null && now - known.readAt() < STORED_POSITIONS_TTL_NANOS) {
            return known.positions();
        }
        Map<Integer, Long> positions = new HashMap<>();
        jdbc.query("select segment, token, token_type from token_entry where processor_name = ?", rs -> {
            byte[] token = rs.getBytes(2);
            TrackingToken stored = token == null ? null : serializer.deserialize(
                    new SimpleSerializedObject<>(token, byte[].class, rs.getString(3), null));
            positions.put(rs.getInt(1), stored == null ? -1 : stored.position().orElse(-1));
        }, processorName);
        storedPositions.put(processorName, new StoredPositions(positions, now));
        return positions;
    }

    /** The number of segments of a processor across all nodes; it changes only on a split or merge. */
    private int segmentCount(String processorName) {
        long now = System.nanoTime();
        SegmentCount known = segmentCounts.get(processorName);
        if (known == null || now - known.readAt() > SEGMENT_COUNT_TTL_NANOS) {
            known = new SegmentCount(tokenStore.fetchSegments(processorName).length, now);
            segmentCounts.put(processorName, known);
        }
        return known.count();
    }
}
