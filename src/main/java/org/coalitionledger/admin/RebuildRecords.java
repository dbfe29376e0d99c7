package org.coalitionledger.admin;

import org.coalitionledger.admin.RebuildService.Rebuild;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The rebuilds under way, in {@code projection_rebuild}: the durable record that lets a rebuild outlive a crash of
 * its node and tells every node on the database that the projection is incomplete.
 */
@Repository
class RebuildRecords {

    private final JdbcTemplate jdbc;

    RebuildRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Notes a rebuild before its tokens are reset; a rebuild of the same projection already noted is a duplicate key.
     */
    void insert(Rebuild rebuild) {
        jdbc.update("insert into projection_rebuild (processing_group, started_at, target_position, tokens_reset,"
                            + " started_by) values (?, ?, ?, ?, ?)", rebuild.group(),
                    rebuild.startedAt().atOffset(ZoneOffset.UTC), rebuild.total(), rebuild.tokensReset(),
                    rebuild.startedBy());
    }

    /**
     * Locks the record until the transaction ends, so that of two nodes about to reset the same projection's tokens
     * the second waits for the first; true if the record exists and its tokens are still to be reset.
     */
    boolean lockToReset(String group) {
        List<Boolean> reset = jdbc.queryForList("select tokens_reset from projection_rebuild where processing_group = ?"
                                                        + " for update", Boolean.class, group);
        return reset.size() == 1 && !reset.get(0);
    }

    void markTokensReset(String group) {
        jdbc.update("update projection_rebuild set tokens_reset = true where processing_group = ?", group);
    }

    /** Deletes the record; false when it was gone already (another node saw the rebuild finish first). */
    boolean delete(String group) {
        return jdbc.update("delete from projection_rebuild where processing_group = ?", group) == 1;
    }

    List<Rebuild> all() {
        return jdbc.query("select processing_group, started_at, target_position, tokens_reset, started_by"
                                  + " from projection_rebuild order by processing_group",
                          (row, i) -> new Rebuild(row.getString("processing_group"),
                                                  row.getObject("started_at", OffsetDateTime.class).toInstant(),
                                                  row.getLong("target_position"), row.getBoolean("tokens_reset"),
                                                  row.getString("started_by")));
    }
}
