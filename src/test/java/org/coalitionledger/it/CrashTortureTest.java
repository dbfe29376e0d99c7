package org.coalitionledger.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crash torture: a busy ledger, running as a process of its own with {@code -Xmx512m}, is killed with SIGKILL at a
 * random moment of an import, of concurrent appends, of the projections' catch-up, of sealing and checkpoints, or of a
 * rebuild; then it is started again on the same data, and must:
 * <ul>
 *     <li>start (a start that fails is an unusable start);</li>
 *     <li>hold every write it answered with 2xx exactly once, and an import all or nothing;</li>
 *     <li>answer as {@code mode=replay} does, for every coalition the kill touched;</li>
 *     <li>verify, with nothing pending, and go on sealing what is recorded after the restart.</li>
 * </ul>
 * Runs on H2 and on PostgreSQL like every test under {@code it/}. {@code -Dledger.torture.kills=N} sets the number of
 * kills (1 in the build; docs/operations.md reports a long run), {@code -Dledger.torture.seed=S} repeats a run.
 */
class CrashTortureTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> PARTIES = List.of(Locale.getISOCountries());
    private static final String SOURCE = "{\"title\":\"Torture\"}";
    private static final Duration SETTLE = Duration.ofSeconds(120);

    /** What the workload was doing when the kill came. */
    enum Phase { IMPORT, APPENDS, CATCH_UP, CHECKPOINT, REBUILD }

    @Test
    void nothingAcknowledgedIsLostAcrossKills(@TempDir Path dir) throws Exception {
        int kills = Integer.getInteger("ledger.torture.kills", 1);
        long seed = Long.getLong("ledger.torture.seed", System.nanoTime());
        Random random = new Random(seed);
        System.out.printf("Crash torture on %s: %d kills, seed %d (-Dledger.torture.seed=%d repeats it)%n",
                          TestDatabase.postgres() ? "PostgreSQL" : "H2", kills, seed, seed);
        Path data = dir.resolve("data");
        Map<String, Integer> acknowledged = new LinkedHashMap<>();
        Map<Phase, Integer> phases = new LinkedHashMap<>();
        int lost = 0;
        int duplicated = 0;
        int unusable = 0;
        LedgerProcess ledger = start(data, dir, 0);
        try {
            for (int kill = 1; kill <= kills; kill++) {
                Phase phase = Phase.values()[random.nextInt(Phase.values().length)];
                phases.merge(phase, 1, Integer::sum);
                Workload workload = new Workload("t" + kill, ledger.client(), random);
                workload.run(phase);
                await("a first acknowledged write", () -> workload.acknowledged.isEmpty() ? null : true);
                Thread.sleep(random.nextInt(2_500));
                ledger.kill();
                workload.stop();
                try {
                    ledger = start(data, dir, kill);
                } catch (IllegalStateException e) {
                    unusable++;
                    throw new AssertionError("unusable start after kill " + kill + " (" + phase + ", seed " + seed
                                                     + ")", e);
                }
                Check check = check(ledger.client(), workload, acknowledged);
                lost += check.lost();
                duplicated += check.duplicated();
                System.out.printf("Kill %d during %s: %d writes acknowledged, import %s; lost %d, duplicated %d%n",
                                  kill, phase, workload.acknowledged.size(), workload.importOutcome(),
                                  check.lost(), check.duplicated());
                assertThat(check.lost()).as("acknowledged writes lost after kill %d (seed %d)", kill, seed)
                        .isZero();
                assertThat(check.duplicated()).as("writes stored twice after kill %d (seed %d)", kill, seed)
                        .isZero();
            }
        } finally {
            ledger.close();
        }
        System.out.printf("Crash torture on %s: %d kills %s, %d acknowledged writes, %d lost, %d duplicated,"
                                  + " %d unusable starts (seed %d)%n",
                          TestDatabase.postgres() ? "PostgreSQL" : "H2", kills, phases, acknowledged.size(), lost,
                          duplicated, unusable, seed);
    }

    private static LedgerProcess start(Path data, Path dir, int run) throws IOException, InterruptedException {
        return LedgerProcess.start(Map.of(), TestDatabase.arguments(data), dir.resolve("ledger-" + run + ".log"),
                                   Duration.ofSeconds(180));
    }

    /** One round of work on the ledger until it is killed; remembers what was acknowledged. */
    private static final class Workload {

        private final String prefix;
        private final LedgerClient client;
        private final Random random;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<String> acknowledged = new CopyOnWriteArrayList<>();
        private final Set<String> coalitions = new TreeSet<>();
        private final List<CompletableFuture<?>> tasks = new ArrayList<>();
        private volatile HttpResponse<String> imported;
        private int importLines;

        Workload(String prefix, LedgerClient client, Random random) {
            this.prefix = prefix;
            this.client = client;
            this.random = random;
        }

        void run(Phase phase) throws Exception {
            for (int writer = 0; writer < 2; writer++) {
                String coalition = prefix + "-w" + writer;
                coalitions.add(coalition);
                tasks.add(CompletableFuture.runAsync(() -> append(coalition)));
            }
            switch (phase) {
                case IMPORT -> tasks.add(CompletableFuture.runAsync(() -> importLines(60, 40)));
                case CATCH_UP -> importLines(40, 40);
                case CHECKPOINT -> tasks.add(CompletableFuture.runAsync(() -> {
                    while (running.get()) {
                        quietly(() -> client.post("/api/audit/checkpoints", "", "application/json"));
                    }
                }));
                case REBUILD -> {
                    importLines(30, 40);
                    String group = List.of("membership", "commitments", "history").get(random.nextInt(3));
                    quietly(() -> client.post("/api/admin/rebuilds/" + group, "", "application/json"));
                }
                case APPENDS -> {
                    // the two writers alone
                }
            }
        }

        /** Forms a coalition, then records joins one by one until stopped. */
        private void append(String coalition) {
            HttpResponse<String> formed = quietly(() -> client.postJson("/api/coalitions", """
                    {"coalition":"%s","name":"Torture","effectiveDate":"2020-01","source":%s}"""
                    .formatted(coalition, SOURCE)));
            if (formed == null || formed.statusCode() != 201) {
                return;
            }
            acknowledged.add(recordId(formed));
            for (int i = 0; running.get() && i < PARTIES.size(); i++) {
                String party = PARTIES.get(i);
                HttpResponse<String> joined = quietly(() -> client.postJson(
                        "/api/coalitions/" + coalition + "/members",
                        "{\"party\":\"%s\",\"effectiveDate\":\"2021-01-01\",\"source\":%s}".formatted(party, SOURCE)));
                if (joined != null && joined.statusCode() == 201) {
                    acknowledged.add(recordId(joined));
                }
            }
        }

        /** An import of {@code count} coalitions with {@code joins} joins each; acknowledged when it answers 201. */
        private void importLines(int count, int joins) {
            StringBuilder lines = new StringBuilder();
            for (int c = 0; c < count; c++) {
                String coalition = prefix + "-i" + c;
                synchronized (coalitions) {
                    if (c < 3) {
                        coalitions.add(coalition);
                    }
                }
                lines.append("{\"command\":\"FormCoalition\",\"coalition\":\"").append(coalition)
                        .append("\",\"name\":\"Imported\",\"effectiveDate\":\"2019\",\"source\":").append(SOURCE)
                        .append("}\n");
                for (int j = 0; j < joins; j++) {
                    lines.append("{\"command\":\"JoinCoalition\",\"coalition\":\"").append(coalition)
                            .append("\",\"party\":\"").append(PARTIES.get(j)).append("\",\"effectiveDate\":\"2020-0")
                            .append(1 + j % 9).append("\",\"source\":").append(SOURCE).append("}\n");
                }
            }
            importLines = count * (joins + 1);
            imported = quietly(() -> client.post("/api/import", lines.toString(), "application/x-ndjson"));
        }

        void stop() {
            running.set(false);
            for (CompletableFuture<?> task : tasks) {
                task.join();
            }
        }

        boolean importAcknowledged() {
            return imported != null && imported.statusCode() == 201;
        }

        String importOutcome() {
            if (importLines == 0) {
                return "none";
            }
            return importLines + " lines " + (importAcknowledged() ? "acknowledged" : "not acknowledged");
        }
    }

    private record Check(int lost, int duplicated) {
    }

    /** What the restarted ledger holds of the workload, and that it answers as its events say. */
    private static Check check(LedgerClient client, Workload workload, Map<String, Integer> acknowledged)
            throws Exception {
        Map<String, Integer> stored = new HashMap<>();
        long imported = 0;
        for (String line : await("the export", () -> ok(client.get("/api/export"))).body().split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node = JSON.readTree(line);
            if (node.has("recordId") && !node.path("command").asText().matches("CorrectRecord|RetractRecord")) {
                stored.merge(node.get("recordId").asText(), 1, Integer::sum);
                if (node.path("coalition").asText().startsWith(workload.prefix + "-i")) {
                    imported++;
                }
            }
        }
        workload.acknowledged.forEach(id -> acknowledged.put(id, 1));
        int lost = (int) acknowledged.keySet().stream().filter(id -> !stored.containsKey(id)).count();
        int duplicated = (int) stored.values().stream().filter(count -> count > 1).count();
        if (workload.importLines > 0) {
            if (workload.importAcknowledged()) {
                assertThat(imported).as("an acknowledged import is stored whole").isEqualTo(workload.importLines);
            } else {
                assertThat(imported).as("an import is all or nothing").isIn(0L, (long) workload.importLines);
            }
        }

        String knownAt = Instant.now().toString();
        for (String coalition : workload.coalitions) {
            String path = "/api/coalitions/" + coalition + "/members?asOf=2030-01-01&knownAt=" + knownAt;
            HttpResponse<String> replay = client.get(path + "&mode=replay");
            if (replay.statusCode() == 404) {
                continue;   // its formation was not acknowledged and did not survive
            }
            JsonNode expected = JSON.readTree(ok(replay).body());
            await("the projection of " + coalition + " to answer as the replay does", () -> {
                HttpResponse<String> projected = client.get(path);
                if (projected.statusCode() != 200) {
                    return null;
                }
                JsonNode actual = read(projected.body());
                return actual.get("members").equals(expected.get("members"))
                        && actual.get("intending").equals(expected.get("intending")) ? projected : null;
            });
        }

        JsonNode verified = settledVerify(client);
        long sealed = verified.get("checkedRecords").asLong();
        String after = workload.prefix + "-after";
        assertThat(client.postJson("/api/coalitions", """
                {"coalition":"%s","name":"After","effectiveDate":"2020","source":%s}""".formatted(after, SOURCE))
                           .statusCode()).isEqualTo(201);
        await("sealing to move on after the restart", () -> {
            JsonNode now = settledVerify(client);
            return now.get("checkedRecords").asLong() > sealed ? now : null;
        });
        return new Check(lost, duplicated);
    }

    /** Waits until verify passes with nothing pending; a tampered answer fails at once. */
    private static JsonNode settledVerify(LedgerClient client) {
        return await("verify to pass with nothing pending", () -> {
            HttpResponse<String> response = client.get("/api/audit/verify");
            if (response.statusCode() != 200) {
                return null;
            }
            JsonNode verify = read(response.body());
            String status = verify.get("status").asText();
            assertThat(status).as(response.body()).isNotEqualTo("tampered");
            return status.equals("ok") && verify.get("pending").asLong() == 0 ? verify : null;
        });
    }

    private static HttpResponse<String> ok(HttpResponse<String> response) {
        return response.statusCode() == 200 ? response : null;
    }

    private static String recordId(HttpResponse<String> response) {
        return read(response.body()).get("recordId").asText();
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A request that may meet a node being killed: no answer is null. */
    private static <T> T quietly(Supplier<T> request) {
        try {
            return request.get();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Asks until the answer is not null, for at most {@link #SETTLE}. */
    private static <T> T await(String what, Supplier<T> answer) {
        return Awaitility.await(what).atMost(SETTLE).pollInterval(Duration.ofMillis(200))
                .until(answer::get, Objects::nonNull);
    }
}
