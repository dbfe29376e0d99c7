package org.coalitionledger.config;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SerializedObject;
import org.coalitionledger.support.RecordTime;

import java.time.Instant;

/**
 * An event as read from the store, whose time is read with {@link RecordTime#parse} once instead of with Axon's
 * {@code DateTimeFormatter} on every call (that was in 11.5% of the membership projection's CPU samples;
 * docs/performance.md). Everything else is the entry Axon read.
 */
final class ParsedTimestampEntry<T> implements TrackedEventData<T>, DomainEventData<T> {

    private final DomainEventData<T> entry;
    private final TrackingToken token;
    private final String storedTime;
    private Instant timestamp;

    private ParsedTimestampEntry(DomainEventData<T> entry, TrackingToken token, String storedTime) {
        this.entry = entry;
        this.token = token;
        this.storedTime = storedTime;
    }

    /** The entry, with its stored time, or the entry itself when it is not a domain event or not stored as text. */
    @SuppressWarnings("unchecked")
    static <E> E of(E entry, Object storedTime) {
        if (entry instanceof DomainEventData<?> domain && storedTime instanceof String text) {
            TrackingToken token = entry instanceof TrackedEventData<?> tracked ? tracked.trackingToken() : null;
            return (E) new ParsedTimestampEntry<>(domain, token, text);
        }
        return entry;
    }

    @Override
    public TrackingToken trackingToken() {
        return token;
    }

    @Override
    public String getType() {
        return entry.getType();
    }

    @Override
    public String getAggregateIdentifier() {
        return entry.getAggregateIdentifier();
    }

    @Override
    public long getSequenceNumber() {
        return entry.getSequenceNumber();
    }

    @Override
    public String getEventIdentifier() {
        return entry.getEventIdentifier();
    }

    @Override
    public Instant getTimestamp() {
        if (timestamp == null) {
            timestamp = RecordTime.parse(storedTime);
        }
        return timestamp;
    }

    @Override
    public SerializedObject<T> getMetaData() {
        return entry.getMetaData();
    }

    @Override
    public SerializedObject<T> getPayload() {
        return entry.getPayload();
    }
}
