package org.coalitionledger.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.coalitionledger.copy.CopyToPostgres;
import org.coalitionledger.recording.ProjectionBarrier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A ledger built on H2, with corrections and a retraction recorded at different moments, copied to PostgreSQL with
 * {@code copy-to-postgres}: the application on PostgreSQL gives every as-of answer, as known at every moment, and
 * the export exactly as the H2 ledger does; the copy refuses a target that is not empty.
 */
@EnabledIfSystemProperty(named = TestDatabase.PROPERTY, matches = "postgresql")
class CopyToPostgresTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SOURCE = "{\"title\":\"Correction notice\"}";
    private static final String EVIDENCE = "%PDF-1.4 the treaty, as signed\n%%EOF\n";
    private static final String MEMBERS = "/api/coalitions/it-coalition/members";
    private static final String COMMITMENTS = "/api/agreements/it-coalition-cooperation-agreement/commitments";

    @Test
    void theCopyOnPostgresqlAnswersLikeTheH2Ledger(@TempDir Path dir) throws Exception {
        // 31 acts, and the events of the users imported at the first start (never exported)
        long eventCount;
        JsonNode treeHead;
        String evidence;
        Path h2 = dir.resolve("h2");
        List<Instant> moments = new ArrayList<>();
        try (RunningLedger original = RunningLedger.start(List.of("--ledger.data-dir=" + h2))) {
            String example = Files.readString(Path.of("docs/examples/it-coalition.jsonl"));
            assertThat(original.post("/api/import", example, "application/x-ndjson").statusCode()).isEqualTo(201);
            moments.add(Moments.betweenRecordings());
            JsonNode history = JSON.readTree(original.get("/api/coalitions/it-coalition/history").body());
            recorded(original, "/api/records/" + recordOf(history, "JoinCoalition", "NL") + "/correction",
                     "{\"effectiveDate\":\"2024-01-25\",\"reason\":\"day found\",\"source\":" + SOURCE + "}");
            moments.add(Moments.betweenRecordings());
            recorded(original, "/api/records/" + recordOf(history, "SignAgreement", "LV") + "/correction",
                     "{\"effectiveDate\":\"2024-02-20\",\"reason\":\"signed later\",\"source\":" + SOURCE + "}");
            recorded(original, "/api/coalitions/it-coalition/departures",
                     "{\"party\":\"DK\",\"effectiveDate\":\"2025-03\",\"source\":" + SOURCE + "}");
            moments.add(Moments.betweenRecordings());
            recorded(original, "/api/coalitions/it-coalition/members",
                     "{\"party\":\"FR\",\"effectiveDate\":\"2024-06\",\"source\":" + SOURCE + "}");
            moments.add(Moments.betweenRecordings());
            String frJoin = recordOf(JSON.readTree(original.get("/api/coalitions/it-coalition/history").body()),
                                     "JoinCoalition", "FR");
            recorded(original, "/api/records/" + frJoin + "/retraction",
                     "{\"reason\":\"misreported\",\"source\":" + SOURCE + "}");
            moments.add(Moments.betweenRecordings());
            HttpResponse<String> stored = original.post("/api/evidence?filename=treaty.pdf", EVIDENCE,
                                                        "application/pdf");
            assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
            evidence = JSON.readTree(stored.body()).get("sha256").asText();
            HttpResponse<String> sealed = original.post("/api/audit/checkpoints", "", "application/json");
            assertThat(sealed.statusCode()).as(sealed.body()).isEqualTo(201);
            treeHead = JSON.readTree(sealed.body());
            eventCount = 31 + TestUsers.events(original.context().getBean(JdbcTemplate.class));
            assertThat(treeHead.get("treeSize").asLong()).isEqualTo(eventCount);
        }

        String database = TestPostgres.freshDatabase();
        Output copy = copy(h2, database);
        assertThat(copy.code()).as(copy.text()).isZero();
        JdbcTemplate h2Rows = new JdbcTemplate(new DriverManagerDataSource(
                "jdbc:h2:file:" + h2.toAbsolutePath().resolve("ledger") + ";IFEXISTS=TRUE", "ledger", ""));
        JdbcTemplate pgRows = new JdbcTemplate(new DriverManagerDataSource(database, TestPostgres.USER, ""));
        for (String table : List.of("domain_event_entry", "snapshot_event_entry", "record_index", "audit_leaf",
                                    "audit_checkpoint", "evidence")) {
            long rows = h2Rows.queryForObject("select count(*) from " + table, Long.class);
            assertThat(copy.text()).contains("Copied " + rows + " rows of " + table);
        }
        String events = "select global_index, event_identifier, aggregate_identifier, sequence_number, type,"
                + " time_stamp, payload_type, payload_revision, payload, meta_data from domain_event_entry"
                + " order by global_index";
        List<List<Object>> fromH2 = rows(h2Rows, events);
        assertThat(fromH2).hasSize((int) eventCount);
        assertThat(rows(pgRows, events)).isEqualTo(fromH2);
        String index = "select record_id, aggregate_type, aggregate_id from record_index order by record_id";
        assertThat(rows(pgRows, index)).isEqualTo(rows(h2Rows, index));
        assertThat(pgRows.queryForObject("select count(*) from token_entry", Long.class)).isZero();
        assertThat(copy.text()).contains("Copied 1 rows of evidence");
        Output again = copy(h2, database);
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.text()).contains("Refused: the target already holds " + eventCount
                                                  + " rows in domain_event_entry");

        try (RunningLedger original = RunningLedger.start(List.of("--ledger.data-dir=" + h2));
             RunningLedger copied = RunningLedger.start(postgres(database, dir))) {
            // on its first start the copy rebuilds every projection from the copied events
            ProjectionBarrier projections = copied.context().getBean(ProjectionBarrier.class);
            TwoNodesTest.awaitTrue("the copy's projections have caught up", java.time.Duration.ofSeconds(60),
                                   projections::awaitProjections);
            for (Instant knownAt : moments) {
                for (LocalDate day = LocalDate.of(2023, 12, 15); day.isBefore(LocalDate.of(2031, 1, 1));
                     day = day.plusDays(29)) {
                    for (String path : List.of(MEMBERS, COMMITMENTS)) {
                        String query = path + "?asOf=" + day + "&knownAt=" + knownAt;
                        assertThat(answer(copied, query)).as(query).isEqualTo(answer(original, query));
                    }
                }
            }
            String history = "/api/coalitions/it-coalition/history?knownAt=" + moments.get(2);
            assertThat(answer(copied, history)).isEqualTo(answer(original, history));
            HttpResponse<String> export = original.get("/api/export");
            assertThat(export.body().lines()).as("31 acts and the trailer").hasSize(32);
            assertThat(copied.get("/api/export").body()).isEqualTo(export.body());

            // the evidence file came along, byte for byte (it is no event, so only the table carries it)
            HttpResponse<String> file = copied.get("/api/evidence/" + evidence);
            assertThat(file.statusCode()).as(file.body()).isEqualTo(200);
            assertThat(file.body()).isEqualTo(EVIDENCE);

            // the copy verifies against the same tree head, signed by the same key (the key pair is copied by hand)
            JsonNode verified = JSON.readTree(copied.get("/api/audit/verify").body());
            assertThat(verified.get("status").asText()).as(verified.toString()).isEqualTo("ok");
            assertThat(verified.at("/latestCheckpoint/treeSize").asLong()).isEqualTo(eventCount);
            assertThat(verified.at("/latestCheckpoint/rootHash").asText())
                    .isEqualTo(treeHead.get("rootHash").asText());
            assertThat(copied.get("/api/audit/public-key").body())
                    .isEqualTo(original.get("/api/audit/public-key").body());

            // the global index goes on after the copied events, without a gap
            JdbcTemplate db = copied.context().getBean(JdbcTemplate.class);
            long highest = db.queryForObject("select max(global_index) from domain_event_entry", Long.class);
            recorded(copied, "/api/coalitions/it-coalition/members",
                     "{\"party\":\"PT\",\"effectiveDate\":\"2024-07\",\"source\":" + SOURCE + "}");
            assertThat(db.queryForObject("select max(global_index) from domain_event_entry", Long.class))
                    .isEqualTo(highest + 1);
        }
    }

    @Test
    void theCopyNeedsAnH2LedgerAndAPostgresqlTarget(@TempDir Path dir) {
        Output missing = copy(dir.resolve("nothing-here"), TestPostgres.freshDatabase());
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.text()).contains("No H2 ledger at");
        Output notPostgres = run(new String[]{"--from", dir.toString(), "--to", "jdbc:h2:mem:x"}, Map.of());
        assertThat(notPostgres.code()).isEqualTo(2);
        assertThat(notPostgres.text()).contains("--to must be a PostgreSQL JDBC URL", "Usage:");
    }

    /** Every row as a list of values, binary columns as lists of bytes so that they compare by content. */
    private static List<List<Object>> rows(JdbcTemplate db, String query) {
        return db.query(query, (rs, n) -> {
            List<Object> row = new ArrayList<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                Object value = rs.getObject(i);
                if (value instanceof java.sql.Blob || value instanceof byte[]) {
                    byte[] bytes = rs.getBytes(i);
                    value = new String(bytes, StandardCharsets.ISO_8859_1);
                } else if (value instanceof Number number) {
                    value = number.longValue();
                }
                row.add(value);
            }
            return row;
        });
    }

    private record Output(int code, String text) {
    }

    private static Output copy(Path h2, String database) {
        return run(new String[]{"--from", h2.toString(), "--to", database, "--user", TestPostgres.USER},
                   Map.of("LEDGER_DB_PASSWORD", ""));
    }

    private static Output run(String[] args, Map<String, String> environment) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = CopyToPostgres.run(args, environment, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return new Output(code, bytes.toString(StandardCharsets.UTF_8));
    }

    private static List<String> postgres(String database, Path dir) {
        List<String> arguments = new ArrayList<>(TestDatabase.postgresArguments(database));
        arguments.add("--ledger.data-dir=" + dir.resolve("pg"));
        // the checkpoint key pair goes with the ledger (docs/operations.md)
        arguments.add("--ledger.audit.key-dir=" + dir.resolve("h2").resolve("audit"));
        return arguments;
    }

    private static void recorded(RunningLedger ledger, String path, String body) {
        HttpResponse<String> answer = ledger.post(path, body, "application/json");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
    }

    private static JsonNode answer(RunningLedger ledger, String path) throws Exception {
        HttpResponse<String> answer = ledger.get(path);
        assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    private static String recordOf(JsonNode history, String command, String party) {
        for (JsonNode entry : history.get("entries")) {
            if (entry.get("command").asText().equals(command) && party.equals(entry.path("party").asText())) {
                return entry.get("recordId").asText();
            }
        }
        throw new AssertionError("no " + command + " of " + party);
    }
}
