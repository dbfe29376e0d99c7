package org.coalitionledger.recording;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Read-your-writes for the API: after a command is stored, waits until every projection on this node has
 * processed the event store up to its current head, so that a read right after a successful write sees it.
 * It gives up after a bounded time and says so; the write itself has succeeded either way.
 */
@Component
public class ProjectionBarrier {

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final Duration timeout;

    ProjectionBarrier(EventProcessingConfiguration processing, EventStore eventStore,
                      @Value("${ledger.read-your-writes-timeout:PT10S}") Duration timeout) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.timeout = timeout;
    }

    /** True once every running projection has caught up with the head as it is now; false on time-out. */
    public boolean awaitProjections() {
        TrackingToken head = eventStore.createHeadToken();
        OptionalLong target = head == null ? OptionalLong.empty() : head.position();
        if (target.isEmpty()) {
            return true;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!caughtUp(target.getAsLong())) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private boolean caughtUp(long position) {
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .filter(StreamingEventProcessor::isRunning)
                .allMatch(processor -> caughtUp(processor.processingStatus(), position));
    }

    private static boolean caughtUp(Map<Integer, EventTrackerStatus> segments, long position) {
        return !segments.isEmpty() && segments.values().stream()
                .allMatch(status -> status.getCurrentPosition().orElse(-1) >= position);
    }
}
