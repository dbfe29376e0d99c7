package org.coalitionledger.audit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The event store as the audit reads it ({@code domain_event_entry} in global-index order) and the audit's own
 * tables: {@code audit_leaf} (one row per sealed event, by tree position) and {@code audit_checkpoint}.
 */
@Component
class AuditStore {

    static final String EVENT_COLUMNS = "global_index, event_identifier, type, aggregate_identifier, sequence_number,"
            + " time_stamp, payload_type, payload_revision, payload, meta_data";

    /** A sealed leaf with its position and the event it was made from. */
    record SealedLeaf(long position, long globalIndex, String eventId, String recordId, byte[] hash) {
    }

    /** A stored event with its global index. */
    record StoredEvent(long globalIndex, CanonicalEvent event) {
    }

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;

    AuditStore(DataSource dataSource, JdbcTemplate jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    /** Every event in global-index order, streamed. */
    Rows<StoredEvent> events() {
        return Rows.open(dataSource, "select " + EVENT_COLUMNS + " from domain_event_entry order by global_index",
                         AuditStore::event);
    }

    /** Events after a global index, in order, at most {@code limit}. */
    List<StoredEvent> eventsAfter(long globalIndex, int limit) {
        JdbcTemplate bounded = new JdbcTemplate(dataSource);
        bounded.setMaxRows(limit);
        bounded.setFetchSize(Math.min(limit, Rows.FETCH_SIZE));
        return bounded.query("select " + EVENT_COLUMNS + " from domain_event_entry where global_index > ?"
                                     + " order by global_index", (row, n) -> event(row), globalIndex);
    }

    boolean eventExists(String eventId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select count(*) > 0 from domain_event_entry where event_identifier = ?", Boolean.class, eventId));
    }

    /** Every sealed leaf in position order, streamed. */
    Rows<SealedLeaf> leaves() {
        return Rows.open(dataSource, "select leaf_index, global_index, event_identifier, record_id, leaf_hash"
                + " from audit_leaf order by leaf_index", AuditStore::leaf);
    }

    /** Every sealed leaf hash in position order, streamed (what verify reads). */
    Rows<byte[]> leafHashes() {
        return Rows.open(dataSource, "select leaf_hash from audit_leaf order by leaf_index", row -> row.getBytes(1));
    }

    Optional<SealedLeaf> leafAt(long position) {
        return jdbc.query("select leaf_index, global_index, event_identifier, record_id, leaf_hash from audit_leaf"
                                  + " where leaf_index = ?", (row, n) -> leaf(row), position).stream().findFirst();
    }

    /** The leaf hashes of the first {@code size} positions, 32 bytes each, in one array. */
    byte[] leafHashes(long size) {
        if (size > Integer.MAX_VALUE / Merkle.HASH_SIZE) {
            throw new IllegalStateException("the tree is too large for proofs held in memory");
        }
        ByteArrayOutputStream hashes = new ByteArrayOutputStream((int) size * Merkle.HASH_SIZE);
        try (Rows<byte[]> rows = Rows.open(dataSource, "select leaf_hash from audit_leaf where leaf_index < ?"
                + " order by leaf_index", row -> row.getBytes(1), size)) {
            rows.forEachRemaining(hashes::writeBytes);
        }
        return hashes.toByteArray();
    }

    Optional<SealedLeaf> leafOf(String id) {
        List<SealedLeaf> found = jdbc.query("select leaf_index, global_index, event_identifier, record_id, leaf_hash"
                + " from audit_leaf where record_id = ? order by leaf_index", (row, n) -> leaf(row), id);
        if (found.isEmpty()) {
            found = jdbc.query("select leaf_index, global_index, event_identifier, record_id, leaf_hash"
                    + " from audit_leaf where event_identifier = ?", (row, n) -> leaf(row), id);
        }
        return found.stream().findFirst();
    }

    boolean leafExists(String eventId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select count(*) > 0 from audit_leaf where event_identifier = ?", Boolean.class, eventId));
    }

    /** Positions of sealed records by record id, for the report. */
    List<SealedLeaf> leavesOfRecords(List<String> recordIds) {
        if (recordIds.isEmpty()) {
            return List.of();
        }
        String marks = String.join(",", Collections.nCopies(recordIds.size(), "?"));
        return jdbc.query("select leaf_index, global_index, event_identifier, record_id, leaf_hash from audit_leaf"
                                  + " where record_id in (" + marks + ")", (row, n) -> leaf(row),
                          recordIds.toArray());
    }

    long sealedSize() {
        Long max = jdbc.queryForObject("select max(leaf_index) from audit_leaf", Long.class);
        return max == null ? 0 : max + 1;
    }

    long lastSealedGlobalIndex() {
        return jdbc.queryForList("select global_index from audit_leaf where leaf_index ="
                                         + " (select max(leaf_index) from audit_leaf)", Long.class)
                .stream().findFirst().orElse(0L);
    }

    void insertLeaves(List<SealedLeaf> leaves) {
        jdbc.batchUpdate("insert into audit_leaf (leaf_index, global_index, event_identifier, record_id, leaf_hash)"
                                 + " values (?, ?, ?, ?, ?)", leaves, 500, (statement, leaf) -> {
            statement.setLong(1, leaf.position());
            statement.setLong(2, leaf.globalIndex());
            statement.setString(3, leaf.eventId());
            statement.setString(4, leaf.recordId());
            statement.setBytes(5, leaf.hash());
        });
    }

    List<Checkpoint> checkpoints() {
        return jdbc.query("select tree_size, root_hash, created_at, signature from audit_checkpoint"
                                  + " order by tree_size", (row, n) -> checkpoint(row));
    }

    Optional<Checkpoint> checkpoint(long treeSize) {
        return jdbc.query("select tree_size, root_hash, created_at, signature from audit_checkpoint"
                                  + " where tree_size = ?", (row, n) -> checkpoint(row), treeSize)
                .stream().findFirst();
    }

    Optional<Checkpoint> latestCheckpoint() {
        return jdbc.query("select tree_size, root_hash, created_at, signature from audit_checkpoint"
                                  + " where tree_size = (select max(tree_size) from audit_checkpoint)",
                          (row, n) -> checkpoint(row)).stream().findFirst();
    }

    void insertCheckpoint(Checkpoint checkpoint) {
        jdbc.update("insert into audit_checkpoint (tree_size, root_hash, created_at, signature) values (?, ?, ?, ?)",
                    checkpoint.treeSize(), checkpoint.rootHash(),
                    OffsetDateTime.ofInstant(checkpoint.createdAt(), ZoneOffset.UTC), checkpoint.signature());
    }

    private static StoredEvent event(ResultSet row) throws SQLException {
        return new StoredEvent(row.getLong(1), new CanonicalEvent(
                row.getString(2), row.getString(3), row.getString(4), row.getLong(5), row.getString(6),
                row.getString(7), row.getString(8), row.getBytes(9), row.getBytes(10)));
    }

    private static SealedLeaf leaf(ResultSet row) throws SQLException {
        return new SealedLeaf(row.getLong(1), row.getLong(2), row.getString(3), row.getString(4), row.getBytes(5));
    }

    private static Checkpoint checkpoint(ResultSet row) throws SQLException {
        OffsetDateTime created = row.getObject(3, OffsetDateTime.class);
        return new Checkpoint(row.getLong(1), row.getBytes(2), created.toInstant(), row.getBytes(4));
    }
}
