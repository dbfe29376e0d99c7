package org.coalitionledger.config;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Axon's JDBC event store, with appends on PostgreSQL taken in turn: each transaction that appends events first
 * takes a transaction-scoped advisory lock, held until it commits or rolls back. Global indexes are then handed out
 * in commit order, so a tracking processor never sees an event before one with a lower index that is still to
 * commit. Without it, an import committing tens of thousands of events while another node commits one would leave
 * a gap larger than Axon's gap window (10,000 positions), and the projections would skip the import's first events
 * for good. Writers wait for each other only while one of them commits; a conflicting append then fails at once on
 * the unique (aggregate, sequence number) key. H2 is one node's embedded database and needs no lock.
 * <p>
 * Events read back carry their stored time as text, read once with {@link ParsedTimestampEntry} rather than by
 * Axon's formatter whenever it is asked for.
 */
class CommitOrderedEventStorageEngine extends JdbcEventStorageEngine {

    /** An arbitrary key that names this lock among the database's advisory locks. */
    static final long APPEND_LOCK = 0x1ed9e5L;

    private final boolean postgres;

    CommitOrderedEventStorageEngine(Builder builder, boolean postgres) {
        super(builder);
        this.postgres = postgres;
    }

    @Override
    protected PreparedStatement appendEvents(Connection connection, List<? extends EventMessage<?>> events,
                                             Serializer serializer) throws SQLException {
        if (postgres) {
            try (Statement lock = connection.createStatement()) {
                lock.execute("select pg_advisory_xact_lock(" + APPEND_LOCK + ")");
            }
        }
        return super.appendEvents(connection, events, serializer);
    }

    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet resultSet, GapAwareTrackingToken previousToken)
            throws SQLException {
        return ParsedTimestampEntry.of(super.getTrackedEventData(resultSet, previousToken),
                                       resultSet.getString(schema().timestampColumn()));
    }

    @Override
    protected DomainEventData<?> getDomainEventData(ResultSet resultSet) throws SQLException {
        return ParsedTimestampEntry.of(super.getDomainEventData(resultSet),
                                       resultSet.getString(schema().timestampColumn()));
    }
}
