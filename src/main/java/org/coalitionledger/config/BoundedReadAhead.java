package org.coalitionledger.config;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The storage engine as Axon's {@code EmbeddedEventStore} sees it, with each stream its reader thread opens ending
 * after {@link #MOST} events (it then opens the next one from where it stopped); everything else is the engine's.
 * <p>
 * The store's reader thread fills a cache the processors share, and keeps every event it read since the start of
 * one stream reachable until that stream ends; on a stream without end (a backlog of a million events after an
 * import, or a rebuild) that is the whole backlog: 187,000 events, a full 512 MB heap, then out of memory
 * (docs/performance.md, "The import in a small heap"). Ending each of its streams after {@value #MOST} events bounds
 * it.
 */
final class BoundedReadAhead implements EventStorageEngine {

    /** The most events one stream of tracked events yields (Axon's own cache holds 10,000). */
    static final int MOST = 10_000;

    private final EventStorageEngine engine;

    BoundedReadAhead(EventStorageEngine engine) {
        this.engine = engine;
    }

    /**
     * The store's reader thread asks with {@code mayBlock} true, and its stream is cut; a processor's stream of its
     * own (asked with false) is the engine's, since Axon reads on from such a stream's iterator instead of reopening
     * it when it is not allowed back onto the shared cache.
     */
    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(trackingToken, mayBlock);
        return mayBlock ? events.limit(MOST) : events;
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        engine.appendEvents(events);
    }

    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {
        engine.storeSnapshot(snapshot);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier) {
        return engine.readEvents(aggregateIdentifier);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        return engine.readEvents(aggregateIdentifier, firstSequenceNumber);
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return engine.readSnapshot(aggregateIdentifier);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return engine.lastSequenceNumberFor(aggregateIdentifier);
    }

    @Override
    public TrackingToken createTailToken() {
        return engine.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return engine.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return engine.createTokenAt(dateTime);
    }
}
