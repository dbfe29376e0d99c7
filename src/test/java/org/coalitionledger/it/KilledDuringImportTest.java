package org.coalitionledger.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A node process killed with SIGKILL while it commits a bulk import leaves all of the import or none of it, and
 * another node on the same database answers reads and writes before, during and after.
 */
@EnabledIfSystemProperty(named = TestDatabase.PROPERTY, matches = "postgresql")
class KilledDuringImportTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SOURCE = "{\"title\":\"Bulk load\"}";
    private static final List<String> PARTIES = List.of(Locale.getISOCountries());
    private static final int COALITIONS = 50;
    private static final int JOINS_EACH = 200;
    /** The killed node's connections, recognisable in pg_stat_activity. */
    private static final String DOOMED = "doomed-node";

    @Test
    void aKilledImportLeavesAllOrNothingAndTheOtherNodeKeepsServing(@TempDir Path dir) throws Exception {
        String database = TestPostgres.freshDatabase();
        try (RunningLedger survivor = RunningLedger.start(survivorArguments(database, dir))) {
            JdbcTemplate db = survivor.context().getBean(JdbcTemplate.class);
            LedgerClient steady = survivor.client();
            assertThat(steady.postJson("/api/coalitions", formLine("steady").replace("\"command\":"
                    + "\"FormCoalition\",", "")).statusCode()).isEqualTo(201);

            try (LedgerProcess doomed = LedgerProcess.start(
                    Map.of("LEDGER_DB_URL", database + "?ApplicationName=" + DOOMED,
                           "LEDGER_DB_USER", TestPostgres.USER, "LEDGER_DB_PASSWORD", ""),
                    withQuickTakeOver(List.of("--spring.profiles.active=postgres", "--ledger.node-id=" + DOOMED,
                                              "--ledger.data-dir=" + dir.resolve("doomed"))),
                    dir.resolve("doomed.log"), Duration.ofSeconds(120))) {

                // the survivor writes and reads all along, on a coalition of its own
                AtomicBoolean running = new AtomicBoolean(true);
                List<String> failures = new CopyOnWriteArrayList<>();
                List<String> steadyParties = new CopyOnWriteArrayList<>();
                CompletableFuture<Void> serving = CompletableFuture.runAsync(() -> {
                    for (int i = 0; running.get() && i < PARTIES.size(); i++) {
                        String party = PARTIES.get(i);
                        HttpResponse<String> joined = steady.postJson("/api/coalitions/steady/members", """
                                {"party":"%s","effectiveDate":"2022-01-01","source":%s}""".formatted(party, SOURCE));
                        if (joined.statusCode() == 201) {
                            steadyParties.add(party);
                        } else {
                            failures.add("join " + party + ": " + joined.statusCode() + " " + joined.body());
                        }
                        HttpResponse<String> read = steady.get("/api/coalitions/steady/members");
                        if (read.statusCode() != 200) {
                            failures.add("read: " + read.statusCode() + " " + read.body());
                        }
                    }
                });

                String lines = BulkLines.of("bulk", COALITIONS, JOINS_EACH);
                CompletableFuture<HttpResponse<String>> importing = CompletableFuture.supplyAsync(
                        () -> doomed.client().post("/api/import", lines, "application/x-ndjson"));
                awaitInsertOfEvents(db, importing);
                doomed.kill();

                assertThat(importing).failsWithin(30, TimeUnit.SECONDS);
                long imported = db.queryForObject("select count(*) from domain_event_entry"
                                                          + " where aggregate_identifier like 'bulk-%'", Long.class);
                System.out.printf("Killed node %d while it wrote events: %d of the import's %d events stored%n",
                                  doomed.pid(), imported, lines.lines().count());
                assertThat(imported).as("events of the import after the kill")
                        .isIn(0L, (long) lines.lines().count());

                // the survivor goes on recording for two seconds more, and takes over the dead node's segments
                // once its claims expire
                int recordedAtTheKill = steadyParties.size();
                await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(60))
                        .until(() -> steadyParties.size() > recordedAtTheKill || serving.isDone()
                                || !failures.isEmpty());
                running.set(false);
                serving.get(120, TimeUnit.SECONDS);
                System.out.printf("The other node recorded %d acts meanwhile%n", steadyParties.size());
                assertThat(failures).isEmpty();
                assertThat(steadyParties).isNotEmpty();
                assertThat(db.queryForObject("select count(*) from domain_event_entry where aggregate_identifier"
                                                     + " = 'steady'", Long.class))
                        .isEqualTo(1 + steadyParties.size());
                TwoNodesTest.awaitTrue("the survivor's projections show every join", Duration.ofSeconds(60),
                                       () -> members(steady, "steady").size() == steadyParties.size());
                // a new coalition may fall in a segment the dead node held: visible at once when it is taken over
                TwoNodesTest.awaitTrue("the survivor holds every segment", Duration.ofSeconds(60),
                                       () -> TwoNodesTest.PROCESSORS.stream().allMatch(
                                               p -> TwoNodesTest.owners(db, p).equals(Set.of("survivor"))
                                                       && TwoNodesTest.unowned(db, p) == 0));
                HttpResponse<String> after = steady.postJson("/api/coalitions", formLine("after-kill")
                        .replace("\"command\":\"FormCoalition\",", ""));
                assertThat(after.statusCode()).as(after.body()).isEqualTo(201);
                assertThat(JSON.readTree(after.body()).get("visible").asBoolean()).isTrue();
            }
        }
    }

    private static List<String> survivorArguments(String database, Path dir) {
        List<String> arguments = new ArrayList<>(TestDatabase.postgresArguments(database));
        arguments.addAll(List.of("--ledger.data-dir=" + dir.resolve("survivor"), "--ledger.node-id=survivor"));
        return withQuickTakeOver(arguments);
    }

    /** A dead node's segments are taken over after 5 s rather than 10 s. */
    private static List<String> withQuickTakeOver(List<String> arguments) {
        List<String> all = new ArrayList<>(arguments);
        all.add("--axon.eventhandling.tokenstore.claim-timeout=5s");
        for (String processor : TwoNodesTest.PROCESSORS) {
            all.add("--axon.eventhandling.processors." + processor + ".token-claim-interval=500");
        }
        return all;
    }

    /** Waits until the doomed node's import transaction is writing events (and has not committed). */
    private static void awaitInsertOfEvents(JdbcTemplate db, CompletableFuture<HttpResponse<String>> importing) {
        await("the import starts writing events").atMost(Duration.ofSeconds(180))
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5)).until(() -> {
                    Long writing = db.queryForObject(
                            "select count(*) from pg_stat_activity where application_name = ?"
                                    + " and xact_start is not null"
                                    + " and lower(query) like 'insert into domain_event_entry%'",
                            Long.class, DOOMED);
                    if (writing != null && writing > 0) {
                        return true;
                    }
                    if (importing.isDone()) {
                        throw new AssertionError("the import ended before it could be killed: "
                                                         + importing.join().body());
                    }
                    return false;
                });
    }

    private static String formLine(String coalition) {
        return """
                {"command":"FormCoalition","coalition":"%s","name":"Coalition %s","effectiveDate":"2020-01",\
                "source":%s}""".formatted(coalition, coalition, SOURCE);
    }

    private static JsonNode members(LedgerClient node, String coalition) {
        try {
            return JSON.readTree(node.get("/api/coalitions/" + coalition + "/members").body()).get("members");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
