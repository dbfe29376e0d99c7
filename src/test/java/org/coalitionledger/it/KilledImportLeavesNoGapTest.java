package org.coalitionledger.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node (its own JVM, -Xmx512m) killed with SIGKILL while it imports 10,050 lines leaves no gap in the global index,
 * and the node started again on the same database starts normally, catches up and answers a write at once. On H2 and
 * on PostgreSQL; on PostgreSQL the kill comes while the import inserts its events.
 */
class KilledImportLeavesNoGapTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SOURCE = "{\"title\":\"Bulk load\"}";
    private static final String NODE = "gapless-node";

    @Test
    void aKilledImportLeavesNoGapAndTheNodeStartsAgain(@TempDir Path dir) throws Exception {
        String database = TestDatabase.postgres() ? TestPostgres.freshDatabase() + "?ApplicationName=" + NODE : null;
        List<String> arguments = new ArrayList<>(List.of("--ledger.data-dir=" + dir.resolve("node"),
                                                         "--ledger.node-id=" + NODE));
        if (database != null) {
            arguments.addAll(TestDatabase.postgresArguments(database));
        }
        String lines = BulkLines.of("bulk", 50, 200);
        long stored;
        try (LedgerProcess node = LedgerProcess.start(Map.of(), arguments, dir.resolve("first.log"),
                                                      Duration.ofSeconds(120))) {
            HttpResponse<String> formed = node.client().postJson("/api/coalitions", """
                    {"coalition":"steady","name":"Steady","effectiveDate":"2020-01","source":%s}""".formatted(SOURCE));
            assertThat(formed.statusCode()).as(formed.body()).isEqualTo(201);
            CompletableFuture<HttpResponse<String>> importing = CompletableFuture.supplyAsync(
                    () -> node.client().post("/api/import", lines, "application/x-ndjson"));
            if (database != null) {
                awaitInsertOfEvents(database, importing);
            } else {
                Thread.sleep(1_500); // H2 cannot be watched from outside: the kill lands wherever the import is
            }
            node.kill();
            importing.handle((answer, failure) -> answer).get(30, TimeUnit.SECONDS);
        }
        try (Connection db = connect(dir, database)) {
            long imported = number(db, "select count(*) from domain_event_entry"
                                               + " where aggregate_identifier like 'bulk-%'");
            System.out.printf("Killed the node while it imported: %d of the import's %d events stored%n", imported,
                              lines.lines().count());
            assertThat(imported).isIn(0L, lines.lines().count());
            stored = number(db, "select count(*) from domain_event_entry");
            assertThat(number(db, "select max(global_index) from domain_event_entry")).as("no gap").isEqualTo(stored);
        }

        try (LedgerProcess node = LedgerProcess.start(Map.of(), arguments, dir.resolve("second.log"),
                                                      Duration.ofSeconds(120))) {
            HttpResponse<String> joined = node.client().postJson("/api/coalitions/steady/members", """
                    {"party":"LV","effectiveDate":"2021-01","source":%s}""".formatted(SOURCE));
            assertThat(joined.statusCode()).as(joined.body()).isEqualTo(201);
            assertThat(JSON.readTree(joined.body()).get("visible").asBoolean()).as("caught up").isTrue();
            assertThat(JSON.readTree(node.client().get("/api/coalitions/steady/members").body()).get("members"))
                    .hasSize(1);
            assertThat(node.log()).doesNotContain("OutOfMemoryError");
            if (database != null) {
                // (H2 cannot be read while the node runs, and a kill within H2's write delay may lose the last write)
                try (Connection db = connect(dir, database)) {
                    assertThat(number(db, "select global_index from domain_event_entry where aggregate_identifier"
                                              + " = 'steady' and sequence_number = 1"))
                            .as("the next number").isEqualTo(stored + 1);
                }
            }
        }
    }

    /** Waits until the node's import transaction is inserting events (and has not committed). */
    private static void awaitInsertOfEvents(String database, CompletableFuture<HttpResponse<String>> importing)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        try (Connection db = DriverManager.getConnection(database.replace(NODE, "observer"), TestPostgres.USER, "")) {
            while (System.nanoTime() < deadline) {
                if (number(db, "select count(*) from pg_stat_activity where application_name = '" + NODE + "' and"
                        + " xact_start is not null and lower(query) like 'insert into domain_event_entry%'") > 0) {
                    return;
                }
                if (importing.isDone()) {
                    throw new AssertionError("the import ended before it was killed: " + importing.join().body());
                }
                Thread.sleep(5);
            }
        }
        throw new AssertionError("the import never started inserting events");
    }

    private static Connection connect(Path dir, String database) throws SQLException {
        return database != null ? DriverManager.getConnection(database, TestPostgres.USER, "")
                : DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("node").resolve("ledger"), "ledger", "");
    }

    private static long number(Connection db, String query) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet result = statement.executeQuery(query)) {
            result.next();
            return result.getLong(1);
        }
    }

}
