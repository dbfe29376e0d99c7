package org.coalitionledger.it;

import org.springframework.jdbc.core.JdbcTemplate;

/** A whole row of domain_event_entry, read and written over plain JDBC, for tests that tamper with the store. */
record StoredEventRow(long globalIndex, String eventId, String type, String aggregateId, long sequenceNumber,
                      String timeStamp, String payloadType, String payloadRevision, byte[] payload,
                      byte[] metaData) {

    static StoredEventRow read(JdbcTemplate jdbc, long globalIndex) {
        return jdbc.queryForObject("select global_index, event_identifier, type, aggregate_identifier,"
                        + " sequence_number, time_stamp, payload_type, payload_revision, payload, meta_data"
                        + " from domain_event_entry where global_index = ?",
                (row, n) -> new StoredEventRow(row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
                                               row.getLong(5), row.getString(6), row.getString(7),
                                               row.getString(8), row.getBytes(9), row.getBytes(10)),
                globalIndex);
    }

    /** Writes every column but the global index over the row at {@code globalIndex}. */
    void writeAt(JdbcTemplate jdbc, long globalIndex) {
        int updated = jdbc.update("update domain_event_entry set event_identifier = ?, type = ?,"
                                          + " aggregate_identifier = ?, sequence_number = ?, time_stamp = ?,"
                                          + " payload_type = ?, payload_revision = ?, payload = ?, meta_data = ?"
                                          + " where global_index = ?",
                                  eventId, type, aggregateId, sequenceNumber, timeStamp, payloadType,
                                  payloadRevision, payload, metaData, globalIndex);
        if (updated != 1) {
            throw new IllegalStateException("no row at global index " + globalIndex);
        }
    }

    void insert(JdbcTemplate jdbc) {
        jdbc.update("insert into domain_event_entry (global_index, event_identifier, type, aggregate_identifier,"
                            + " sequence_number, time_stamp, payload_type, payload_revision, payload, meta_data)"
                            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    globalIndex, eventId, type, aggregateId, sequenceNumber, timeStamp, payloadType,
                    payloadRevision, payload, metaData);
    }

    StoredEventRow withPayload(byte[] newPayload) {
        return new StoredEventRow(globalIndex, eventId, type, aggregateId, sequenceNumber, timeStamp, payloadType,
                                  payloadRevision, newPayload, metaData);
    }

    StoredEventRow withMetaData(byte[] newMetaData) {
        return new StoredEventRow(globalIndex, eventId, type, aggregateId, sequenceNumber, timeStamp, payloadType,
                                  payloadRevision, payload, newMetaData);
    }

    StoredEventRow withTimeStamp(String newTimeStamp) {
        return new StoredEventRow(globalIndex, eventId, type, aggregateId, sequenceNumber, newTimeStamp,
                                  payloadType, payloadRevision, payload, metaData);
    }

    StoredEventRow withPayloadType(String newPayloadType) {
        return new StoredEventRow(globalIndex, eventId, type, aggregateId, sequenceNumber, timeStamp, newPayloadType,
                                  payloadRevision, payload, metaData);
    }

    StoredEventRow as(long newGlobalIndex, String newEventId, String newAggregateId) {
        return new StoredEventRow(newGlobalIndex, newEventId, type, newAggregateId, sequenceNumber, timeStamp,
                                  payloadType, payloadRevision, payload, metaData);
    }

    static byte[] flipped(byte[] bytes, int at) {
        byte[] copy = bytes.clone();
        copy[at] ^= 0x01;
        return copy;
    }
}
