package org.coalitionledger.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Global indexes are given out at commit, in commit order: a transaction that rolls back takes none, concurrent
 * writers get consecutive ones, and a gap left by an earlier version (which drew them from a sequence at insert)
 * neither makes the projections' tokens large nor keeps a restart from being normal. On H2 and on PostgreSQL.
 */
class GaplessGlobalIndexTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SOURCE = "{\"title\":\"Gapless test\"}";
    /** Far more than a token may hold (at most 100 gaps: a few hundred bytes of JSON). */
    private static final int LARGEST_TOKEN_BYTES = 2_000;

    @Test
    void aRolledBackAppendTakesNoIndexAndTheNextEventGetsTheNextNumber(@TempDir Path dir) {
        try (RunningLedger ledger = RunningLedger.start(dir)) {
            JdbcTemplate db = ledger.context().getBean(JdbcTemplate.class);
            form(ledger, "before");
            long highest = highest(db);

            TransactionTemplate transactions = ledger.context().getBean(TransactionTemplate.class);
            EventStorageEngine store = ledger.context().getBean(EventStorageEngine.class);
            transactions.executeWithoutResult(status -> {
                store.appendEvents(probes("rolled-back", 500));
                assertThat(db.queryForObject("select max(global_index) from domain_event_entry", Long.class))
                        .as("inside the transaction").isEqualTo(highest + 500);
                status.setRollbackOnly();
            });
            assertThat(highest(db)).isEqualTo(highest);
            assertThat(count(db)).isEqualTo(highest);

            form(ledger, "after");
            assertThat(db.queryForObject("select global_index from domain_event_entry"
                                                 + " where aggregate_identifier = 'after'", Long.class))
                    .isEqualTo(highest + 1);
            assertThat(count(db)).isEqualTo(highest(db));
        }
    }

    @Test
    void concurrentAppendsGetConsecutiveUniqueIndexes(@TempDir Path dir) throws Exception {
        try (RunningLedger ledger = RunningLedger.start(dir)) {
            JdbcTemplate db = ledger.context().getBean(JdbcTemplate.class);
            TransactionTemplate transactions = ledger.context().getBean(TransactionTemplate.class);
            EventStorageEngine store = ledger.context().getBean(EventStorageEngine.class);
            long before = count(db);

            List<CompletableFuture<Integer>> writers = new ArrayList<>();
            for (int w = 0; w < 6; w++) {
                String writer = "writer-" + w;
                writers.add(CompletableFuture.supplyAsync(() -> {
                    int kept = 0;
                    for (int t = 0; t < 30; t++) {
                        int size = 1 + t % 4;
                        boolean rollBack = t % 3 == 0;
                        String aggregate = writer + "-" + t;
                        transactions.executeWithoutResult(status -> {
                            store.appendEvents(probes(aggregate, size));
                            if (rollBack) {
                                status.setRollbackOnly();
                            }
                        });
                        kept += rollBack ? 0 : size;
                    }
                    return kept;
                }));
            }
            int kept = 0;
            for (CompletableFuture<Integer> writer : writers) {
                kept += writer.get(120, TimeUnit.SECONDS);
            }

            List<Long> indexes = db.queryForList("select global_index from domain_event_entry order by global_index",
                                                 Long.class);
            assertThat(indexes).hasSize((int) before + kept);
            assertThat(indexes).isEqualTo(LongStream.rangeClosed(1, indexes.size()).boxed().toList());
            // each transaction's events got consecutive indexes, in their order
            List<Map<String, Object>> ranges = db.queryForList(
                    "select aggregate_identifier, min(global_index) lowest, max(global_index) highest,"
                            + " min(sequence_number) first_sequence, count(*) events from domain_event_entry"
                            + " where aggregate_identifier like 'writer-%' group by aggregate_identifier");
            assertThat(ranges).isNotEmpty().allSatisfy(range -> assertThat(
                    number(range, "highest") - number(range, "lowest") + 1).isEqualTo(number(range, "events")));
        }
    }

    @Test
    void anOldGapOf20000PositionsNeitherGrowsTheTokensNorStopsARestart(@TempDir Path dir) throws Exception {
        long gapFrom;
        long gapTo;
        try (RunningLedger first = RunningLedger.start(dir)) {
            JdbcTemplate db = first.context().getBean(JdbcTemplate.class);
            form(first, "gapped");
            gapFrom = highest(db) + 1;
            gapTo = gapFrom + 19_999;
            // as an earlier version left it: 20,000 numbers drawn by transactions that never committed
            probe(gapTo + 1, "after-gap").insert(db);
            assertJoinVisible(first, "gapped", "LV", 1);
            assertThat(db.queryForObject("select global_index from domain_event_entry where aggregate_identifier"
                                                 + " = 'gapped' and sequence_number = 1", Long.class))
                    .isEqualTo(gapTo + 2);
            awaitSmallTokens(db, gapTo + 2);

            // and tokens stored by the earlier version, carrying all 20,000 gaps
            EventProcessingConfiguration processing = first.context().getBean(EventProcessingConfiguration.class);
            processing.eventProcessors().values().forEach(EventProcessor::shutDown);
            Serializer serializer = first.context().getBean(Serializer.class);
            List<Long> gaps = LongStream.rangeClosed(gapFrom, gapTo).boxed().toList();
            for (Map<String, Object> row : db.queryForList(
                    "select processor_name, segment, token, token_type from token_entry where token is not null")) {
                GapAwareTrackingToken token = serializer.deserialize(new SimpleSerializedObject<>(
                        (byte[]) row.get("token"), byte[].class, (String) row.get("token_type"), null));
                SerializedObject<byte[]> old = serializer.serialize(
                        GapAwareTrackingToken.newInstance(token.getIndex(), gaps), byte[].class);
                db.update("update token_entry set token = ? where processor_name = ? and segment = ?",
                          old.getData(), row.get("processor_name"), row.get("segment"));
            }
            assertThat(largestToken(db)).as("the earlier version's tokens").isGreaterThan(100_000);
        }

        try (RunningLedger second = RunningLedger.start(dir)) {
            JdbcTemplate db = second.context().getBean(JdbcTemplate.class);
            assertJoinVisible(second, "gapped", "LT", 2);
            awaitSmallTokens(db, gapTo + 3);
            assertThat(db.queryForObject("select max(global_index) from domain_event_entry", Long.class))
                    .as("the next event after the old gap").isEqualTo(gapTo + 3);
        }
    }

    private static void form(RunningLedger ledger, String coalition) {
        HttpResponse<String> formed = ledger.client().postJson("/api/coalitions", """
                {"coalition":"%s","name":"Coalition %s","effectiveDate":"2020-01","source":%s}"""
                .formatted(coalition, coalition, SOURCE));
        assertThat(formed.statusCode()).as(formed.body()).isEqualTo(201);
    }

    private static void assertJoinVisible(RunningLedger ledger, String coalition, String party, int members)
            throws Exception {
        HttpResponse<String> joined = ledger.client().postJson("/api/coalitions/" + coalition + "/members", """
                {"party":"%s","effectiveDate":"2021-01","source":%s}""".formatted(party, SOURCE));
        assertThat(joined.statusCode()).as(joined.body()).isEqualTo(201);
        assertThat(JSON.readTree(joined.body()).get("visible").asBoolean()).as("visible at once").isTrue();
        JsonNode listed = JSON.readTree(ledger.get("/api/coalitions/" + coalition + "/members").body());
        assertThat(listed.get("members")).hasSize(members);
    }

    /**
     * Every segment stores a token at or past the position (a segment with nothing to handle stores its token just
     * after its status shows it there, which is what read-your-writes waits for), and none holds many gaps.
     */
    private static void awaitSmallTokens(JdbcTemplate db, long position) throws InterruptedException {
        TwoNodesTest.awaitTrue("every stored token at " + position, Duration.ofSeconds(30), () -> db.queryForObject(
                "select count(*) from token_entry where token is null or octet_length(token) >= "
                        + LARGEST_TOKEN_BYTES, Long.class) == 0 && lowestStoredPosition(db) >= position);
    }

    private static long lowestStoredPosition(JdbcTemplate db) {
        return db.query("select token from token_entry where token is not null",
                        (row, n) -> new String(row.getBytes(1), StandardCharsets.UTF_8))
                .stream().mapToLong(json -> {
                    try {
                        JsonNode token = JSON.readTree(json);
                        if (token.has("tokenAtReset")) {
                            // a replay token (a fresh ledger's projections replay the users created at its first
                            // start): where it has got to, if anywhere yet
                            token = token.get("currentToken");
                        }
                        return token == null || token.isNull() ? -1 : token.get("index").asLong();
                    } catch (Exception e) {
                        throw new IllegalStateException(json, e);
                    }
                }).min().orElse(-1);
    }

    private static List<GenericDomainEventMessage<String>> probes(String aggregate, int count) {
        List<GenericDomainEventMessage<String>> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(new GenericDomainEventMessage<>("Probe", aggregate, i, "probe event " + i));
        }
        return events;
    }

    /** An event of a type no projection handles, recorded now, stored with this global index. */
    private static StoredEventRow probe(long globalIndex, String id) {
        String now = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC)
                .format(Instant.now());
        return new StoredEventRow(globalIndex, "probe-" + id, "Probe", "probe-" + id, 0, now,
                                  "org.coalitionledger.test.Probe", null,
                                  "{}".getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8));
    }

    private static long highest(JdbcTemplate db) {
        return db.queryForObject("select coalesce(max(global_index), 0) from domain_event_entry", Long.class);
    }

    private static long count(JdbcTemplate db) {
        return db.queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    private static long largestToken(JdbcTemplate db) {
        return db.queryForObject("select max(octet_length(token)) from token_entry", Long.class);
    }

    private static long number(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).longValue();
    }
}
