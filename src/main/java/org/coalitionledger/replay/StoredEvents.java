package org.coalitionledger.replay;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.coalitionledger.common.Prefetch;
import org.coalitionledger.common.RecordTime;
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

    /**
     * Reads a stored event time as Axon writes it ({@code 2024-02-14T09:30:00.123Z}, UTC, a fraction of 3 to 9
     * digits) without a formatter; anything else is left to Axon's own reader.
     */
    static Instant instant(String text) {
        int length = text.length();
        if (length < 20 || length > 30 || text.charAt(length - 1) != 'Z' || text.charAt(4) != '-'
                || text.charAt(7) != '-' || text.charAt(10) != 'T' || text.charAt(13) != ':'
                || text.charAt(16) != ':') {
            return DateTimeUtils.parseInstant(text);
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int nanos = 0;
        if (length > 20) {
            int fraction = length - 21;
            int value = text.charAt(19) == '.' && fraction >= 1 && fraction <= 9 ? digits(text, 20, length - 1) : -1;
            if (value < 0) {
                return DateTimeUtils.parseInstant(text);
            }
            nanos = value * POWERS[9 - fraction];
        } else if (text.charAt(19) != 'Z') {
            return DateTimeUtils.parseInstant(text);
        }
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0
                || minute > 59 || second < 0 || second > 59) {
            return DateTimeUtils.parseInstant(text);
        }
        try {
            long epochDay = java.time.LocalDate.of(year, month, day).toEpochDay();
            return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
        } catch (java.time.DateTimeException e) {
            return DateTimeUtils.parseInstant(text);
        }
    }

    private static final int[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
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
                    Instant recordedAt = instant(rows.getString(2));
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
