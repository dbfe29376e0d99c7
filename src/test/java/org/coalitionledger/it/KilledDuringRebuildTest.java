package org.coalitionledger.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node killed with SIGKILL in the middle of rebuilding a projection goes on with the rebuild when it starts again
 * on the same database, and answers reads of that projection with 503 until the rebuild is done — from its first
 * request on — then with the same answers as {@code mode=replay}; the record of the rebuild is gone.
 */
@ExtendWith(OutputCaptureExtension.class)
class KilledDuringRebuildTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SOURCE = "{\"title\":\"Bulk load\"}";
    private static final int COALITIONS = 8;
    private static final int JOINS_EACH = 200;
    private static final List<String> READS = List.of(
            "/api/coalitions/it-coalition/members?asOf=2024-06-01&knownAt=2100-01-01T00:00:00Z",
            "/api/coalitions/load-" + (COALITIONS - 1) + "/members?asOf=2024-01-01&knownAt=2100-01-01T00:00:00Z");

    @Test
    void aRebuildInterruptedByAKillResumesAndItsReadsAnswer503UntilItIsDone(@TempDir Path dir) throws Exception {
        Path dataDir = dir.resolve("data");
        List<String> arguments = new ArrayList<>(TestDatabase.arguments(dataDir));
        // one event per transaction while replaying membership, so that the rebuild lasts long enough to be seen
        arguments.add("--axon.eventhandling.processors.membership.batch-size=1");
        String bulk = BulkLines.of("load", COALITIONS, JOINS_EACH);
        long events;

        try (LedgerProcess first = LedgerProcess.start(Map.of(), arguments, dir.resolve("first.log"),
                                                       Duration.ofSeconds(120))) {
            LedgerClient node = first.client();
            String example = Files.readString(Path.of("docs/examples/it-coalition.jsonl"));
            HttpResponse<String> imported = node.post("/api/import", example, "application/x-ndjson");
            assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
            imported = node.post("/api/import", bulk, "application/x-ndjson");
            assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);

            HttpResponse<String> started = node.post("/api/admin/rebuilds/membership", "", "application/json");
            assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
            events = JSON.readTree(started.body()).get("total").asLong();
            // every line, and the creation of each configured user at the first start
            assertThat(events).isEqualTo(example.lines().count() + bulk.lines().count()
                                                 + TestUsers.CONFIGURED.size());
            JsonNode progress = membershipRebuild(node);
            assertThat(progress.get("state").asText())
                    .as("the rebuild finished before it could be interrupted; make the data larger: " + progress)
                    .isEqualTo("REBUILDING");
            assertRefused(node.get(READS.get(0)));
            first.kill();
            System.out.printf("Killed node %d during the rebuild, at %s of %d events%n", first.pid(),
                              progress.get("done"), events);
        }

        try (LedgerProcess second = LedgerProcess.start(Map.of(), arguments, dir.resolve("second.log"),
                                                        Duration.ofSeconds(120))) {
            LedgerClient node = second.client();
            AtomicInteger refused = new AtomicInteger();
            TwoNodesTest.awaitTrue("the rebuild resumed after the kill is done", Duration.ofSeconds(180), () -> {
                HttpResponse<String> read = node.get(READS.get(0));
                if (read.statusCode() == 200) {
                    return true;
                }
                assertRefused(read);
                refused.incrementAndGet();
                return false;
            });
            System.out.printf("Refused %d reads of the membership projection after the restart%n", refused.get());
            assertThat(refused.get()).as("reads refused after the restart; if none, the rebuild finished before the"
                                                 + " first read: make the data larger").isPositive();
            for (String read : READS) {
                HttpResponse<String> projected = node.get(read);
                assertThat(projected.statusCode()).as(projected.body()).isEqualTo(200);
                HttpResponse<String> replayed = node.get(read + "&mode=replay");
                assertThat(JSON.readTree(projected.body())).as(read).isEqualTo(JSON.readTree(replayed.body()));
            }
            assertThat(JSON.readTree(node.get(READS.get(1)).body()).get("members")).hasSize(JOINS_EACH);
            JsonNode progress = membershipRebuild(node);
            assertThat(progress.get("state").asText()).isEqualTo("DONE");
            assertThat(progress.get("done").asLong()).isEqualTo(events);
            assertThat(second.log()).contains("Resuming the rebuild of the membership projection");
            second.kill();
        }
        assertThat(rebuildRows(dataDir)).as("rows of projection_rebuild").isZero();
    }

    /**
     * A node that stopped after writing the rebuild's row and before resetting the tokens (or before noting that
     * it had) left a complete projection and a row that says it is being rebuilt: the next start resets the tokens
     * (again), says so in the log, and the rebuild then runs to its end like any other.
     */
    @Test
    void aRebuildRecordedButNeverResetIsResetAtTheNextStart(@TempDir Path dataDir, CapturedOutput output)
            throws Exception {
        String read = READS.get(0);
        String answer;
        try (RunningLedger first = RunningLedger.start(dataDir)) {
            String example = Files.readString(Path.of("docs/examples/it-coalition.jsonl"));
            assertThat(first.post("/api/import", example, "application/x-ndjson").statusCode()).isEqualTo(201);
            answer = first.get(read).body();
        }
        // written with the node stopped, as the node would have written it just before it stopped
        try (Connection connection = connect(dataDir);
             PreparedStatement insert = connection.prepareStatement(
                     "insert into projection_rebuild (processing_group, started_at, target_position) values"
                             + " ('membership', ?, (select max(global_index) from domain_event_entry))")) {
            insert.setTimestamp(1, Timestamp.from(Instant.now()));
            assertThat(insert.executeUpdate()).isOne();
        }
        try (RunningLedger second = RunningLedger.start(dataDir)) {
            JdbcTemplate db = second.context().getBean(JdbcTemplate.class);
            // the row is deleted a moment before the log says so
            TwoNodesTest.awaitTrue("the redone rebuild is over", Duration.ofSeconds(60), () -> db.queryForObject(
                    "select count(*) from projection_rebuild", Long.class) == 0
                    && output.getAll().contains("Rebuilt the membership projection"));
            assertThat(output.getAll()).contains("The rebuild of the membership projection was recorded at",
                                                 "before resetting its tokens; resetting them now");
            TwoNodesTest.awaitTrue("reads answer again", Duration.ofSeconds(5),
                                   () -> second.get(read).statusCode() == 200);
            assertThat(JSON.readTree(second.get(read).body())).isEqualTo(JSON.readTree(answer));
            JsonNode progress = membershipRebuild(second.client());
            assertThat(progress.get("state").asText()).isEqualTo("DONE");
        }
    }

    /** A 503 problem detail that names the rebuild and says when to try again. */
    private static void assertRefused(HttpResponse<String> read) {
        assertThat(read.statusCode()).as(read.body()).isEqualTo(503);
        assertThat(read.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(read.headers().firstValue("Retry-After")).hasValue("5");
        try {
            JsonNode problem = JSON.readTree(read.body());
            assertThat(problem.get("title").asText()).isEqualTo("Projection rebuilding");
            assertThat(problem.get("detail").asText()).contains("the membership projection is being rebuilt");
            assertThat(problem.get("rebuild").get("group").asText()).isEqualTo("membership");
        } catch (Exception e) {
            throw new AssertionError(read.body(), e);
        }
    }

    private static JsonNode membershipRebuild(LedgerClient node) throws Exception {
        for (JsonNode rebuild : JSON.readTree(node.get("/api/admin/rebuilds").body())) {
            if (rebuild.get("group").asText().equals("membership")) {
                return rebuild;
            }
        }
        throw new AssertionError("no rebuild of membership listed");
    }

    /** Reads the table directly, with the node stopped (an H2 file database has one user at a time). */
    private static long rebuildRows(Path dataDir) throws SQLException {
        try (Connection connection = connect(dataDir);
             ResultSet rows = connection.createStatement().executeQuery("select count(*) from projection_rebuild")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** A connection to the database of the ledger on this data directory. */
    private static Connection connect(Path dataDir) throws SQLException {
        String url = TestDatabase.arguments(dataDir).stream().filter(a -> a.startsWith("--LEDGER_DB_URL="))
                .findFirst().map(a -> a.substring("--LEDGER_DB_URL=".length()))
                .orElse("jdbc:h2:file:" + dataDir.resolve("ledger"));
        return DriverManager.getConnection(url, TestDatabase.postgres() ? TestPostgres.USER : "ledger", "");
    }
}
