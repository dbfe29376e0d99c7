package org.coalitionledger.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.coalitionledger.backup.BackupCommand;
import org.coalitionledger.backup.RestoreCommand;
import org.coalitionledger.recording.ProjectionBarrier;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code backup} while the ledger runs, then {@code restore} into a new data directory (and, on PostgreSQL, a new
 * database): the restored ledger answers every question as the original did when the backup was made, verifies with
 * the same tree head under the same key, and knows nothing recorded after the backup. A damaged backup, a data
 * directory that already holds a ledger, a non-empty target directory and a caller who is no ADMIN are refused.
 */
class BackupRestoreTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SOURCE = "{\"title\":\"Backup test\"}";
    private static final String MEMBERS = "/api/coalitions/it-coalition/members";
    private static final String COMMITMENTS = "/api/agreements/it-coalition-cooperation-agreement/commitments";
    private static final String HISTORY = "/api/coalitions/it-coalition/history";

    /**
     * On PostgreSQL the commands run pg_dump and pg_restore (Debian's postgresql-client, which .ci/run installs):
     * without them the test is skipped, and on CI (CI=true) it fails instead.
     */
    @BeforeAll
    static void postgresClientTools() {
        if (!TestDatabase.postgres()) {
            return;
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String tool : List.of("pg_dump", "pg_restore")) {
            boolean found = java.util.Arrays.stream(path.split(java.io.File.pathSeparator))
                    .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
            if (!found) {
                String reason = tool + " is not on the PATH (apt-get install postgresql-client)";
                if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                    org.junit.jupiter.api.Assertions.fail("CI=true, so this test may not be skipped: " + reason);
                }
                Assumptions.assumeTrue(false, reason);
            }
        }
    }

    @Test
    void aRestoredBackupAnswersAsTheLedgerDidWhenItWasMade(@TempDir Path dir) throws Exception {
        Path backup = dir.resolve("backup");
        Map<String, JsonNode> before = new LinkedHashMap<>();
        String export;
        long events;
        JsonNode checkpoint;
        String publicKey;
        try (RunningLedger original = RunningLedger.start(TestDatabase.arguments(dir.resolve("original")))) {
            String example = Files.readString(Path.of("docs/examples/it-coalition.jsonl"));
            assertThat(original.post("/api/import", example, "application/x-ndjson").statusCode()).isEqualTo(201);
            // the example's acts, two more, and the users imported at the first start
            events = example.lines().filter(line -> !line.isBlank()).count() + 2
                    + TestUsers.events(original.context().getBean(JdbcTemplate.class));
            recorded(original, MEMBERS, "{\"party\":\"FR\",\"effectiveDate\":\"2024-06\",\"source\":" + SOURCE + "}");
            Instant knownAt = Moments.betweenRecordings();
            recorded(original, "/api/coalitions/it-coalition/departures",
                     "{\"party\":\"FR\",\"effectiveDate\":\"2025-03\",\"source\":" + SOURCE + "}");
            HttpResponse<String> sealed = original.post("/api/audit/checkpoints", "", "application/json");
            assertThat(sealed.statusCode()).as(sealed.body()).isEqualTo(201);
            checkpoint = JSON.readTree(sealed.body());
            Instant now = Moments.betweenRecordings();
            for (String day : List.of("2024-01-15", "2024-03-01", "2025-06-01", "2030-01-01")) {
                for (String path : List.of(MEMBERS, COMMITMENTS)) {
                    before.put(path + "?asOf=" + day + "&knownAt=" + now,
                               answer(original, path + "?asOf=" + day + "&knownAt=" + now));
                    before.put(path + "?asOf=" + day + "&knownAt=" + knownAt,
                               answer(original, path + "?asOf=" + day + "&knownAt=" + knownAt));
                }
            }
            before.put(HISTORY + "?knownAt=" + now, answer(original, HISTORY + "?knownAt=" + now));
            export = original.get("/api/export").body();
            publicKey = original.get("/api/audit/public-key").body();

            Map<String, String> admin = environment(original, TestUsers.ADMIN);
            Output notAdmin = backup(backup, environment(original, TestUsers.AUDITOR));
            assertThat(notAdmin.code()).as(notAdmin.text()).isEqualTo(1);
            assertThat(notAdmin.text()).contains("answered 403");
            Output made = backup(backup, admin);
            assertThat(made.code()).as(made.text()).isZero();
            assertThat(made.text()).contains("Backup of " + events + " events", "audit tree size " + events,
                                          "audit/checkpoint-key.pem");
            Output again = backup(backup, admin);
            assertThat(again.code()).isEqualTo(1);
            assertThat(again.text()).contains("is not empty");

            // recorded after the backup: the restored ledger must not know it
            recorded(original, MEMBERS, "{\"party\":\"PT\",\"effectiveDate\":\"2024-07\",\"source\":" + SOURCE + "}");
        }

        Path restoredDir = dir.resolve("restored");
        List<String> restoredArguments = new ArrayList<>(List.of("--ledger.data-dir=" + restoredDir));
        Map<String, String> target = new HashMap<>();
        if (TestDatabase.postgres()) {
            String database = TestPostgres.freshDatabase();
            restoredArguments.addAll(TestDatabase.postgresArguments(database));
            target.putAll(Map.of("LEDGER_DB_URL", database, "LEDGER_DB_USER", TestPostgres.USER,
                                 "LEDGER_DB_PASSWORD", ""));
        }
        Output restored = restore(backup, restoredDir, target);
        assertThat(restored.code()).as(restored.text()).isZero();
        assertThat(restored.text()).contains("Restored " + events + " events");
        Output twice = restore(backup, restoredDir, target);
        assertThat(twice.code()).isEqualTo(1);
        assertThat(twice.text()).contains("already holds a ledger");

        try (RunningLedger copy = RunningLedger.start(restoredArguments)) {
            ProjectionBarrier projections = copy.context().getBean(ProjectionBarrier.class);
            TwoNodesTest.awaitTrue("the restored projections have caught up", Duration.ofSeconds(60),
                                   projections::awaitProjections);
            for (Map.Entry<String, JsonNode> question : before.entrySet()) {
                assertThat(answer(copy, question.getKey())).as(question.getKey()).isEqualTo(question.getValue());
            }
            assertThat(copy.get("/api/export").body()).isEqualTo(export);
            assertThat(copy.get("/api/audit/public-key").body()).isEqualTo(publicKey);
            JsonNode verified = answer(copy, "/api/audit/verify");
            assertThat(verified.get("status").asText()).as(verified.toString()).isEqualTo("ok");
            assertThat(verified.at("/latestCheckpoint/rootHash").asText())
                    .isEqualTo(checkpoint.get("rootHash").asText());
            // it records on, after the restored events
            recorded(copy, MEMBERS, "{\"party\":\"ES\",\"effectiveDate\":\"2024-08\",\"source\":" + SOURCE + "}");
        }
    }

    @Test
    void aDamagedBackupIsRefusedBeforeAnythingIsRestored(@TempDir Path dir) throws Exception {
        Path backup = dir.resolve("backup");
        try (RunningLedger original = RunningLedger.start(TestDatabase.arguments(dir.resolve("original")))) {
            recorded(original, "/api/coalitions", "{\"coalition\":\"c1\",\"name\":\"C1\","
                    + "\"effectiveDate\":\"2024\",\"source\":" + SOURCE + "}");
            Output made = backup(backup, environment(original, TestUsers.ADMIN));
            assertThat(made.code()).as(made.text()).isZero();
        }
        Path altered = Files.walk(backup).filter(Files::isRegularFile)
                .filter(file -> !file.getFileName().toString().equals("manifest.json")).findFirst().orElseThrow();
        byte[] bytes = Files.readAllBytes(altered);
        bytes[bytes.length / 2] ^= 1;
        Files.write(altered, bytes);
        Path restoredDir = dir.resolve("restored");
        Output refused = restore(backup, restoredDir, Map.of("LEDGER_DB_URL", "jdbc:postgresql://localhost:1/none"));
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.text()).contains("the backup is damaged", backup.relativize(altered).toString(),
                                            "does not match its SHA-256");
        assertThat(restoredDir).doesNotExist();

        Output usage = run(RestoreCommand::run, new String[]{"--data-dir", restoredDir.toString()}, Map.of());
        assertThat(usage.code()).isEqualTo(2);
        assertThat(usage.text()).contains("--from DIR is required", "Usage:");
    }

    private static Map<String, String> environment(RunningLedger ledger, TestUsers.TestUser user) {
        Map<String, String> environment = new HashMap<>(Map.of(
                "LEDGER_URL", "http://localhost:" + ledger.port(), "LEDGER_USER", user.name(),
                "LEDGER_PASSWORD", user.password()));
        if (TestDatabase.postgres()) {
            environment.put("LEDGER_DB_URL", ledger.context().getEnvironment().getProperty("spring.datasource.url"));
            environment.put("LEDGER_DB_USER", TestPostgres.USER);
            environment.put("LEDGER_DB_PASSWORD", "");
        }
        return environment;
    }

    private record Output(int code, String text) {
    }

    private interface Command {
        int run(String[] args, Map<String, String> environment, PrintStream out);
    }

    private static Output backup(Path to, Map<String, String> environment) {
        return run(BackupCommand::run, new String[]{"--to", to.toString()}, environment);
    }

    private static Output restore(Path from, Path dataDir, Map<String, String> environment) {
        return run(RestoreCommand::run, new String[]{"--from", from.toString(), "--data-dir", dataDir.toString()},
                   environment);
    }

    private static Output run(Command command, String[] args, Map<String, String> environment) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = command.run(args, environment, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return new Output(code, bytes.toString(StandardCharsets.UTF_8));
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
}
