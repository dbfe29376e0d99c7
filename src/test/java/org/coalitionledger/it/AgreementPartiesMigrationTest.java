package org.coalitionledger.it;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V6 (agreement_act replaces commitment_act): a database that already holds events has its commitments projection
 * marked for a rebuild from the event store, up to the last event it holds; an empty one has nothing to rebuild.
 * On H2 and on PostgreSQL, migrated by Flyway as the application does, first to V5 and then to the latest version.
 */
class AgreementPartiesMigrationTest {

    private static DataSource freshDatabase() {
        if (TestDatabase.postgres()) {
            return new DriverManagerDataSource(TestPostgres.freshDatabase(), TestPostgres.USER, "");
        }
        return new DriverManagerDataSource("jdbc:h2:file:" + LedgerHttpTestSupport.freshDataDir() + "/ledger", "sa",
                                           "");
    }

    private static Flyway flyway(DataSource database, String target) {
        return Flyway.configure().dataSource(database)
                .locations("classpath:db/migration/" + (TestDatabase.postgres() ? "postgresql" : "h2"))
                .target(MigrationVersion.fromVersion(target)).load();
    }

    private static void storeEvent(JdbcTemplate jdbc, String id, long sequence) {
        jdbc.update("insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,"
                            + " time_stamp, payload_type, payload) values (?, 'old-coalition', ?, 'Coalition',"
                            + " '2024-02-14T10:00:00Z', 'org.coalitionledger.coalition.event.CoalitionFormed', ?)",
                    id, sequence, "{}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aDatabaseWithEventsHasItsCommitmentsRebuilt() {
        DataSource database = freshDatabase();
        flyway(database, "5").migrate();
        JdbcTemplate jdbc = new JdbcTemplate(database);
        storeEvent(jdbc, "e1", 0);
        storeEvent(jdbc, "e2", 1);
        long last = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        assertThat(jdbc.queryForObject("select count(*) from projection_rebuild", Long.class)).isZero();

        flyway(database, "latest").migrate();
        assertThat(jdbc.queryForList("select target_position, tokens_reset from projection_rebuild"
                                             + " where processing_group = 'commitments'"))
                .singleElement().satisfies(row -> {
                    assertThat(((Number) row.get("target_position")).longValue()).isEqualTo(last);
                    assertThat(row.get("tokens_reset")).isEqualTo(false);
                });
    }

    @Test
    void anEmptyDatabaseHasNothingToRebuild() {
        DataSource database = freshDatabase();
        flyway(database, "5").migrate();
        flyway(database, "latest").migrate();
        JdbcTemplate jdbc = new JdbcTemplate(database);
        assertThat(jdbc.queryForObject("select count(*) from projection_rebuild where processing_group ="
                                               + " 'commitments'", Long.class)).isZero();
    }
}
