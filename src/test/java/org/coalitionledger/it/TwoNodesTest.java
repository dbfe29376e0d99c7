package org.coalitionledger.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Application nodes on one PostgreSQL database, as in production: concurrent writes on two, conflicting ones refused
 * with 409, nothing stored twice; the projection segments split between three nodes (two in this JVM, one a process
 * of its own), the same answers from all; the third killed with SIGKILL and its segments taken over by the others,
 * with every event in every projection once; a rebuild started on one of the two running nodes; and one node taking
 * over when the other stops.
 */
@EnabledIfSystemProperty(named = TestDatabase.PROPERTY, matches = "postgresql")
class TwoNodesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> PROCESSORS = List.of("membership", "commitments", "history", "reviews");
    private static final String SOURCE = "{\"title\":\"Two-node test\"}";
    /** Parties that join on both nodes at the same moment: one of each pair must be refused. */
    private static final List<String> CONTESTED = List.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR",
                                                          "DE", "GR");
    /** Parties that join different coalitions through both nodes at once: all of them must be stored. */
    private static final List<String> UNCONTESTED = List.of("HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL",
                                                            "PT", "RO", "SK", "SI", "ES", "SE", "NO");

    @Test
    void nodesShareTheLedgerAndTakeOverFromEachOther(@TempDir Path dir) throws Exception {
        String database = TestPostgres.freshDatabase();
        // the third node starts as a process of its own while the first two start here
        CompletableFuture<LedgerProcess> startingC = CompletableFuture.supplyAsync(() -> {
            try {
                return LedgerProcess.start(Map.of(), node("node-c", database), dir.resolve("node-c.log"),
                                           Duration.ofSeconds(180));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        try (AutoCloseable stopC = () -> startingC.thenAccept(TwoNodesTest::stop);
             RunningLedger a = RunningLedger.start(node("node-a", database));
             RunningLedger b = RunningLedger.start(node("node-b", database));
             LedgerProcess c = startingC.get(180, TimeUnit.SECONDS)) {
            JdbcTemplate db = a.context().getBean(JdbcTemplate.class);
            LedgerClient nodeA = a.client();
            LedgerClient nodeB = b.client();

            for (String coalition : List.of("contested", "west", "east", "later")) {
                assertThat(form(nodeA, coalition).statusCode()).isEqualTo(201);
            }

            List<String> acknowledged = new ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                // the same party joining the same coalition on both nodes at the same moment
                for (String party : CONTESTED) {
                    CyclicBarrier together = new CyclicBarrier(2);
                    CompletableFuture<HttpResponse<String>> onA = CompletableFuture.supplyAsync(
                            () -> join(nodeA, "contested", party, together), pool);
                    CompletableFuture<HttpResponse<String>> onB = CompletableFuture.supplyAsync(
                            () -> join(nodeB, "contested", party, together), pool);
                    List<HttpResponse<String>> answers = List.of(onA.get(), onB.get());
                    List<Integer> statuses = answers.stream().map(HttpResponse::statusCode).sorted().toList();
                    assertThat(statuses).as(party + ": " + answers.stream().map(HttpResponse::body).toList())
                            .containsExactly(201, 409);
                    HttpResponse<String> refused = answers.stream().filter(r -> r.statusCode() == 409).findFirst()
                            .orElseThrow();
                    assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
                    assertThat(JSON.readTree(refused.body()).get("title").asText()).isEqualTo("Conflict");
                    answers.stream().filter(r -> r.statusCode() == 201).forEach(r -> acknowledged.add(recordId(r)));
                }
                // the same new coalition id formed on both nodes at the same moment
                for (int i = 0; i < 3; i++) {
                    String twin = "twin-" + i;
                    CyclicBarrier together = new CyclicBarrier(2);
                    CompletableFuture<HttpResponse<String>> onA = CompletableFuture.supplyAsync(
                            () -> form(nodeA, twin, together), pool);
                    CompletableFuture<HttpResponse<String>> onB = CompletableFuture.supplyAsync(
                            () -> form(nodeB, twin, together), pool);
                    List<HttpResponse<String>> answers = List.of(onA.get(), onB.get());
                    assertThat(answers.stream().map(HttpResponse::statusCode).sorted().toList())
                            .as(twin + ": " + answers.stream().map(HttpResponse::body).toList())
                            .containsExactly(201, 409);
                }
                // different coalitions written through both nodes at once: no conflict, everything stored
                ConcurrentLinkedQueue<HttpResponse<String>> answers = new ConcurrentLinkedQueue<>();
                List<CompletableFuture<Void>> writes = new ArrayList<>();
                for (String party : UNCONTESTED) {
                    writes.add(CompletableFuture.runAsync(() -> answers.add(join(nodeA, "west", party, null)), pool));
                    writes.add(CompletableFuture.runAsync(() -> answers.add(join(nodeB, "east", party, null)), pool));
                }
                CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).get();
                for (HttpResponse<String> answer : answers) {
                    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
                    acknowledged.add(recordId(answer));
                }
            } finally {
                pool.shutdownNow();
            }

            // every acknowledged act is stored exactly once, and nothing else was stored
            assertThat(acknowledged).hasSize(CONTESTED.size() + 2 * UNCONTESTED.size()).doesNotHaveDuplicates();
            // three nodes started on one database at once: each configured user was imported, and recorded, once
            assertThat(db.queryForList("select aggregate_identifier from domain_event_entry where type = 'UserAccount'",
                                       String.class))
                    .containsExactlyInAnyOrderElementsOf(TestUsers.CONFIGURED.stream()
                                                                 .map(user -> "user:" + user.name()).toList());
            assertThat(eventCount(db)).isEqualTo(4 + 3 + acknowledged.size() + TestUsers.events(db));
            for (String recordId : acknowledged) {
                assertThat(db.queryForObject("select count(*) from domain_event_entry"
                                                     + " where position(? in convert_from(payload, 'UTF8')) > 0",
                                             Long.class, recordId)).as(recordId).isEqualTo(1);
            }

            // both nodes give the same answers, right after the writes (read-your-writes across nodes)
            for (String coalition : List.of("contested", "west", "east")) {
                JsonNode fromA = members(nodeA, coalition);
                assertThat(members(nodeB, coalition)).as(coalition).isEqualTo(fromA);
            }
            assertThat(parties(members(nodeA, "contested"))).containsExactlyInAnyOrderElementsOf(CONTESTED);
            assertThat(parties(members(nodeB, "west"))).containsExactlyInAnyOrderElementsOf(UNCONTESTED);
            assertThat(parties(members(nodeA, "east"))).containsExactlyInAnyOrderElementsOf(UNCONTESTED);

            // some hundreds of acts through the third node; every node then processes a share of every projection
            assertThat(c.client().post("/api/import", BulkLines.of("bulk", 20, 15), "application/x-ndjson")
                               .statusCode()).isEqualTo(201);
            awaitTrue("each of the three nodes owns segments of every projection", Duration.ofSeconds(60),
                      () -> PROCESSORS.stream().allMatch(p -> owners(db, p).equals(Set.of("node-a", "node-b",
                                                                                         "node-c"))));

            // more acts, and the third node killed as soon as they are stored, while the projections process them
            CompletableFuture<HttpResponse<String>> late = CompletableFuture.supplyAsync(
                    () -> nodeA.post("/api/import", BulkLines.of("late", 10, 20), "application/x-ndjson"));
            await("the import is stored").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5))
                    .until(() -> db.queryForObject("select count(*) from domain_event_entry"
                                                           + " where aggregate_identifier like 'late-%'",
                                                   Long.class) > 0);
            c.kill();
            long killedAt = System.nanoTime();
            assertThat(late.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(201);
            awaitTrue("the other two take the killed node's segments over", Duration.ofSeconds(45),
                      () -> PROCESSORS.stream().allMatch(p -> owners(db, p).equals(Set.of("node-a", "node-b"))
                              && unowned(db, p) == 0));
            System.out.printf("Segments of the killed node taken over after %d ms%n",
                              (System.nanoTime() - killedAt) / 1_000_000);

            // a rebuild started on one of the two running nodes: the other stops that projection meanwhile
            HttpResponse<String> rebuild = nodeA.post("/api/admin/rebuilds/membership", "", "application/json");
            assertThat(rebuild.statusCode()).as(rebuild.body()).isEqualTo(202);
            awaitTrue("the rebuild is over", Duration.ofSeconds(60), () -> db.queryForObject(
                    "select count(*) from projection_rebuild", Long.class) == 0);
            awaitTrue("both nodes process the rebuilt projection again", Duration.ofSeconds(30),
                      () -> owners(db, "membership").equals(Set.of("node-a", "node-b")));

            // every node reads the rows of rebuilds at most once a second
            awaitTrue("both nodes answer reads of the rebuilt projection", Duration.ofSeconds(10),
                      () -> List.of(nodeA, nodeB).stream().allMatch(
                              node -> node.get("/api/coalitions/west/members").statusCode() == 200));

            // every event in every projection once: the answers are the replay's, and the history counts the events
            String knownAt = java.time.Instant.now().plusSeconds(3600).toString();
            List<String> coalitions = db.queryForList("select distinct aggregate_identifier from domain_event_entry"
                                                              + " where type = 'Coalition'", String.class);
            assertThat(coalitions).hasSize(4 + 3 + 20 + 10);
            for (String coalition : coalitions) {
                String path = "/api/coalitions/" + coalition + "/members?asOf=2030-01-01&knownAt=" + knownAt;
                JsonNode replayed = JSON.readTree(nodeA.get(path + "&mode=replay").body()).get("members");
                for (LedgerClient node : List.of(nodeA, nodeB)) {
                    HttpResponse<String> projected = node.get(path);
                    assertThat(projected.statusCode()).as(projected.body()).isEqualTo(200);
                    assertThat(JSON.readTree(projected.body()).get("members")).as(coalition).isEqualTo(replayed);
                }
                JsonNode history = JSON.readTree(nodeB.get("/api/coalitions/" + coalition + "/history?knownAt="
                                                                   + knownAt).body());
                assertThat(history.get("entries")).as(coalition).hasSize(Math.toIntExact(db.queryForObject(
                        "select count(*) from domain_event_entry where aggregate_identifier = ?", Long.class,
                        coalition)));
            }

            // node B stops: node A takes over its segments and keeps every projection up to date
            b.close();
            awaitTrue("node A owns every segment", Duration.ofSeconds(60), () -> PROCESSORS.stream()
                    .allMatch(p -> owners(db, p).equals(Set.of("node-a")) && unowned(db, p) == 0));
            for (String party : List.of("AT", "BE", "NL")) {
                HttpResponse<String> joined = join(nodeA, "later", party, null);
                assertThat(joined.statusCode()).as(joined.body()).isEqualTo(201);
                assertThat(JSON.readTree(joined.body()).get("visible").asBoolean()).isTrue();
            }
            assertThat(parties(members(nodeA, "later"))).containsExactlyInAnyOrder("AT", "BE", "NL");
            JsonNode history = JSON.readTree(nodeA.get("/api/coalitions/later/history").body());
            assertThat(history.get("entries")).hasSize(4);
        }
    }

    private static List<String> node(String id, String database) {
        List<String> arguments = new ArrayList<>(TestDatabase.postgresArguments(database));
        arguments.addAll(List.of("--ledger.data-dir=" + LedgerHttpTestSupport.freshDataDir(),
                                 "--ledger.node-id=" + id,
                                 // balance and take over within seconds rather than the production defaults
                                 "--ledger.cluster.heartbeat=PT0.5S",
                                 "--ledger.cluster.node-timeout=PT5S",
                                 "--ledger.cluster.release-duration=PT5S",
                                 // a killed node's claims expire after 5 s rather than 10 s
                                 "--axon.eventhandling.tokenstore.claim-timeout=5s"));
        for (String processor : PROCESSORS) {
            arguments.add("--axon.eventhandling.processors." + processor + ".token-claim-interval=500");
        }
        return arguments;
    }

    private static HttpResponse<String> form(LedgerClient node, String coalition) {
        return form(node, coalition, null);
    }

    private static HttpResponse<String> form(LedgerClient node, String coalition, CyclicBarrier together) {
        awaitTogether(together);
        return node.postJson("/api/coalitions", """
                {"coalition":"%s","name":"Coalition %s","parentGroup":"UDCG","focusAreas":["test"],
                 "effectiveDate":"2020-01","source":%s}""".formatted(coalition, coalition, SOURCE));
    }

    private static HttpResponse<String> join(LedgerClient node, String coalition, String party,
                                             CyclicBarrier together) {
        awaitTogether(together);
        return node.postJson("/api/coalitions/" + coalition + "/members", """
                {"party":"%s","effectiveDate":"2021-03-04","source":%s}""".formatted(party, SOURCE));
    }

    /** Lets two requests leave at the same moment. */
    private static void awaitTogether(CyclicBarrier together) {
        try {
            if (together != null) {
                together.await();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String recordId(HttpResponse<String> answer) {
        try {
            return JSON.readTree(answer.body()).get("recordId").asText();
        } catch (Exception e) {
            throw new IllegalStateException(answer.body(), e);
        }
    }

    private static JsonNode members(LedgerClient node, String coalition) throws Exception {
        HttpResponse<String> answer = node.get("/api/coalitions/" + coalition + "/members?knownAt="
                                                       + java.time.Instant.now().plusSeconds(3600));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        ObjectNode members = (ObjectNode) JSON.readTree(answer.body());
        members.remove("knownAt");
        return members;
    }

    private static List<String> parties(JsonNode members) {
        List<String> parties = new ArrayList<>();
        members.get("members").forEach(m -> parties.add(m.get("party").asText()));
        return parties;
    }

    private static long eventCount(JdbcTemplate db) {
        return db.queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    static Set<String> owners(JdbcTemplate db, String processor) {
        List<Map<String, Object>> rows = db.queryForList("select owner from token_entry where processor_name = ?",
                                                         processor);
        return rows.stream().map(row -> row.get("owner")).filter(o -> o != null).map(Object::toString)
                .collect(Collectors.toSet());
    }

    private static void stop(LedgerProcess node) {
        try {
            node.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static long unowned(JdbcTemplate db, String processor) {
        return db.queryForObject("select count(*) from token_entry where processor_name = ? and owner is null",
                                 Long.class, processor);
    }

    static void awaitTrue(String what, Duration timeout, BooleanSupplier condition) {
        await(what).atMost(timeout).pollInterval(Duration.ofMillis(100)).until(condition::getAsBoolean);
    }
}
