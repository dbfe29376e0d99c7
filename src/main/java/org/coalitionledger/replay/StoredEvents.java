package org.coalitionledger.replay;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.coalitionledger.support.Prefetch;
import org.coalitionledger.support.RecordTime;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Consumer;

/**
 * One aggregate's stored events, in sequence order, as a replay needs them: sequence number, record time and
 * payload, only those known at a moment. They are read straight from the event table (the columns a replay needs,
 * one streamed query) on a thread of their own and deserialised there with the event serializer, while the caller
 * folds the ones already read. Should an upcaster ever be configured, they are read through Axon's event store
 * instead, so that old events are upcast exactly as the aggregates see them.
 */
@Component
class StoredEvents {

    private static final String SELECT = "select sequence_number, time_stamp, payload_type, payload_revision, payload"
            + " from domain_event_entry where aggregate_identifier = ? order by sequence_number";

    /** One stored event. */
    record Event(long sequence, Instant recordedAt, Object payload) {
    }

    private final DataSource dataSource;
    private final Serializer serializer;
    private final EventStore eventStore;
    private final boolean upcasting;

    StoredEvents(DataSource dataSource, @Qualifier("eventSerializer") Serializer serializer, EventStore eventStore,
                 ObjectProvider<EventUpcaster> upcasters) {
        this.dataSource = dataSource;
        this.serializer = serializer;
        this.eventStore = eventStore;
        this.upcasting = upcasters.stream().findAny().isPresent();
    }

    /** Hands each event of {@code aggregate} known at {@code knownAt} to {@code consumer}, in sequence order. */
    void forEach(String aggregate, Instant knownAt, Consumer<Event> consumer) {
        if (upcasting) {
            var stream = eventStore.readEvents(aggregate);
            while (stream.hasNext()) {
                DomainEventMessage<?> message = stream.next();
                if (RecordTime.knownAt(message.getTimestamp(), knownAt)) {
                    consumer.accept(new Event(message.getSequenceNumber(), message.getTimestamp(),
                                              message.getPayload()));
                }
            }
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            // PostgreSQL streams a result set only inside a transaction
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(
                    SELECT, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                statement.setFetchSize(1_000);
                statement.setString(1, aggregate);
                try (ResultSet rows = statement.executeQuery();
                     Prefetch<Event, Event> events = new Prefetch<>(new Rows(rows, knownAt), event -> event,
                                                                    "replay-" + aggregate)) {
                    events.forEachRemaining(consumer);
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the events of '" + aggregate + "' could not be read", e);
        }
    }

    /** The rows of the query as events, skipping those recorded after {@code knownAt}. */
    private final class Rows implements Iterator<Event> {

        private final ResultSet rows;
        private final Instant knownAt;
        private Event next;

        Rows(ResultSet rows, Instant knownAt) {
            this.rows = rows;
            this.knownAt = knownAt;
        }

        @Override
        public boolean hasNext() {
            try {
                while (next == null && rows.next()) {
                    Instant recordedAt = RecordTime.parse(rows.getString(2));
                    if (RecordTime.knownAt(recordedAt, knownAt)) {
                        Object payload = serializer.deserialize(new SimpleSerializedObject<>(
                                rows.getBytes(5), byte[].class, rows.getString(3), rows.getString(4)));
                        next = new Event(rows.getLong(1), recordedAt, payload);
                    }
                }
                return next != null;
            } catch (SQLException e) {
                throw new IllegalStateException("reading events failed", e);
            }
        }

        @Override
        public Event next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Event event = next;
            next = null;
            return event;
        }
    }
}
