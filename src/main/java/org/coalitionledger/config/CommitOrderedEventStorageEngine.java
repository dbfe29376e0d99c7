package org.coalitionledger.config;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Axon's JDBC event store, with global indexes given out at commit, in commit order. Each transaction that appends
 * events first takes the append lock (on PostgreSQL a transaction-scoped advisory lock; on H2, one node's embedded
 * database, a lock in this JVM, {@link TransactionScopedLock}), held until it commits or rolls back; it then reads the
 * highest stored index and inserts its events with the next ones. So:
 * <ul>
 *     <li>a tracking processor never sees an event while one with a lower index is still to commit (no event is ever
 *     skipped however large an import is);</li>
 *     <li>a transaction that rolls back or dies takes no index with it: the global index has no gaps, whereas a
 *     sequence filled at insert loses every number the transaction drew (9,979 after three kills during an
 *     import);</li>
 *     <li>a gap, should one exist (written by an earlier version, or a row deleted by hand), is never filled later.
 *     Tracking tokens therefore need not remember gaps: they carry at most {@link #MAX_GAPS}, so that a database with
 *     old gaps costs neither memory nor time (Axon's default keeps up to 10,000 per token, copied for every event
 *     read).</li>
 * </ul>
 * Writers wait for each other only while one of them appends and commits; a conflicting append then fails at once
 * on the unique (aggregate, sequence number) key.
 * <p>
 * Events read back carry their stored time as text, read once with {@link ParsedTimestampEntry} rather than by
 * Axon's formatter whenever it is asked for.
 */
class CommitOrderedEventStorageEngine extends JdbcEventStorageEngine {

    /** An arbitrary key that names this lock among the database's advisory locks. */
    static final long APPEND_LOCK = 0x1ed9e5L;

    /**
     * The most gaps a tracking token carries: Axon's {@code maxGapOffset}, the distance below a token's position
     * beyond which it forgets gaps. A margin only (no gap is ever filled); at most a few kilobytes per token.
     */
    static final int MAX_GAPS = 100;

    /**
     * How long a gap is kept at all, in milliseconds (Axon's {@code gapTimeout}, 60 s by default): a token forgets the
     * gaps below an event recorded longer ago than this.
     */
    static final int GAP_TIMEOUT_MILLIS = 1_000;

    private static final Class<?> STORED_AS = byte[].class;

    private final boolean postgres;
    private final TransactionScopedLock localLock = new TransactionScopedLock();

    CommitOrderedEventStorageEngine(Builder builder, boolean postgres) {
        super(builder.dataType(STORED_AS)
                      .maxGapOffset(MAX_GAPS)
                      .gapTimeout(GAP_TIMEOUT_MILLIS)
                      // Axon's cleaning (a query before every read of a token with more gaps than this) is never
                      // needed: a token holds at most MAX_GAPS
                      .gapCleaningThreshold(MAX_GAPS + 1));
        this.postgres = postgres;
    }

    /**
     * Called by Axon with the connection of the appending transaction (in a unit of work, at its prepare-commit, right
     * before the commit); Axon executes the batch and closes the statement.
     */
    @Override
    protected PreparedStatement appendEvents(Connection connection, List<? extends EventMessage<?>> events,
                                             Serializer serializer) throws SQLException {
        long next = lockForAppend(connection);
        PreparedStatement statement = connection.prepareStatement(insertStatement());
        try {
            for (EventMessage<?> message : events) {
                bind(statement, EventSpool.StagedEvent.of(asDomainEvent(message), serializer), next++);
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    /**
     * Takes the append lock for the transaction of {@code connection}, held until it ends, and answers the next global
     * index. A bulk import then inserts its staged events from there with {@link #insertStaged}, in as many batches as
     * it likes, and commits once.
     */
    long lockForAppend(Connection connection) throws SQLException {
        takeAppendLock(connection);
        return highestIndex(connection) + 1;
    }

    /** Whether the events are written to the node's own data directory (H2) rather than to a database server. */
    boolean storesInDataDirectory() {
        return !postgres;
    }

    /** Inserts events staged (and serialized) by a bulk import, with the global indexes from {@code first} on. */
    void insertStaged(Connection connection, List<EventSpool.StagedEvent> events, long first) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(insertStatement())) {
            long next = first;
            for (EventSpool.StagedEvent event : events) {
                bind(statement, event, next++);
            }
            statement.executeBatch();
        }
    }

    /** Adds one event, serialized, to the batch of {@link #insertStatement()}. */
    private void bind(PreparedStatement statement, EventSpool.StagedEvent event, long globalIndex)
            throws SQLException {
        statement.setLong(1, globalIndex);
        statement.setString(2, event.eventId());
        statement.setString(3, event.aggregateId());
        statement.setLong(4, event.sequenceNumber());
        statement.setString(5, event.type());
        writeTimestamp(statement, 6, event.timestamp());
        statement.setString(7, event.payloadType());
        statement.setString(8, event.payloadRevision());
        statement.setObject(9, event.payload());
        statement.setObject(10, event.metaData());
        statement.addBatch();
    }

    private String insertStatement() {
        return "insert into " + schema().domainEventTable() + " (" + schema().globalIndexColumn() + ", "
                + schema().domainEventFields() + ") values (?,?,?,?,?,?,?,?,?,?)";
    }

    /** Tokens stored before (by an earlier version, with thousands of gaps) are cut down before they are used. */
    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        return super.fetchTrackedEvents(lastToken instanceof GapAwareTrackingToken gapAware ? bounded(gapAware)
                                                : lastToken, batchSize);
    }

    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet resultSet, GapAwareTrackingToken previousToken)
            throws SQLException {
        TrackedEventData<?> read = super.getTrackedEventData(resultSet, previousToken);
        // Axon bounds the gaps of a token it advances, not those of the first token it makes (every index below the
        // first event read); cut that one down too
        if (read.trackingToken() instanceof GapAwareTrackingToken token && token.getGaps().size() > MAX_GAPS
                && read instanceof DomainEventData<?> event) {
            read = new TrackedDomainEventData<>(bounded(token), event);
        }
        return ParsedTimestampEntry.of(read, resultSet.getString(schema().timestampColumn()));
    }

    @Override
    protected DomainEventData<?> getDomainEventData(ResultSet resultSet) throws SQLException {
        return ParsedTimestampEntry.of(super.getDomainEventData(resultSet),
                                       resultSet.getString(schema().timestampColumn()));
    }

    /** The token with at most {@link #MAX_GAPS} gaps, those just below its position. */
    static GapAwareTrackingToken bounded(GapAwareTrackingToken token) {
        return token.getGaps().size() <= MAX_GAPS ? token : token.withGapsTruncatedAt(token.getIndex() - MAX_GAPS);
    }

    private void takeAppendLock(Connection connection) throws SQLException {
        if (postgres) {
            try (Statement lock = connection.createStatement()) {
                lock.execute("select pg_advisory_xact_lock(" + APPEND_LOCK + ")");
            }
        } else {
            localLock.holdUntilTransactionEnds();
        }
    }

    private long highestIndex(Connection connection) throws SQLException {
        try (Statement query = connection.createStatement();
             ResultSet highest = query.executeQuery("select max(" + schema().globalIndexColumn() + ") from "
                                                            + schema().domainEventTable())) {
            highest.next();
            return highest.getLong(1);
        }
    }

    /** As Axon stores an event that belongs to no aggregate: its own id as aggregate id, sequence number 0. */
    private static DomainEventMessage<?> asDomainEvent(EventMessage<?> event) {
        return event instanceof DomainEventMessage<?> domain ? domain
                : new GenericDomainEventMessage<>(null, event.getIdentifier(), 0L, event, event::getTimestamp);
    }
}
