package org.coalitionledger.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rows of the event store and of the audit tables changed behind the ledger's back, over plain JDBC: verify names
 * the first position that no longer matches and what happened there. Each test puts the rows back. The scheduled
 * sealer is held off (an hour between passes); tests seal with POST /api/audit/checkpoints.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditTamperHttpTest extends LedgerHttpTestSupport {

    /** One directory for every read of the property (a supplier is asked again at each read). */
    private static final String DATA_DIR = freshDataDir();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestDatabase.registerFresh(registry, () -> DATA_DIR);
        registry.add("ledger.audit.seal-interval", () -> "PT1H");
        registry.add("ledger.audit.checkpoint-every", () -> "10");
        registry.add("ledger.audit.gap-timeout", () -> "PT2S");
    }

    @BeforeEach
    void loadTheExampleOnce() {
        if (importTheExampleOnce()) {
            assertThat(post("/api/audit/checkpoints", "").status()).isEqualTo(201);
        }
        assertThat(verify().get("status").asText()).as("the ledger is intact before each test").isEqualTo("ok");
    }

    @Test
    void intactLedgerVerifiesWithEveryCheckpoint() {
        JsonNode answer = verify();
        assertThat(answer.get("checkedRecords").asLong()).isGreaterThanOrEqualTo(26);
        assertThat(answer.get("checkpoints").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(answer.get("verifiedCheckpoints").asInt()).isEqualTo(answer.get("checkpoints").asInt());
        assertThat(answer.get("firstProblem").isNull()).isTrue();
    }

    @Test
    void eventsNotYetSealedArePendingNotTampered() {
        long pendingBefore = verify().get("pending").asLong();
        assertThat(post("/api/coalitions/it-coalition/members",
                        "{\"party\":\"FR\",\"effectiveDate\":\"2024-06\",\"source\":" + SOURCE + "}").status())
                .isEqualTo(201);
        JsonNode answer = verify();
        assertThat(answer.get("status").asText()).isEqualTo("ok");
        assertThat(answer.get("pending").asLong()).isEqualTo(pendingBefore + 1);

        assertThat(post("/api/audit/checkpoints", "").status()).isEqualTo(201);
        assertThat(verify().get("pending").asLong()).isZero();
    }

    @Test
    void aChangedFieldIsReportedAsModifiedAtItsPosition() {
        tamper(7, row -> row.withPayloadType("org.coalitionledger.coalition.event.CoalitionLeft"), "modified");
    }

    @Test
    void oneFlippedByteOfAPayloadIsReportedAsModified() {
        tamper(12, row -> row.withPayload(StoredEventRow.flipped(row.payload(), row.payload().length / 2)),
               "modified");
    }

    @Test
    void oneFlippedByteOfMetadataIsReportedAsModified() {
        tamper(firstAct() + 3, row -> row.withMetaData(StoredEventRow.flipped(row.metaData(), 5)), "modified");
    }

    @Test
    void aRoleGrantedInAUserEventOfTheFirstStartIsReportedAsModified() {
        Integer position = jdbc.queryForObject("select min(l.leaf_index) from audit_leaf l join domain_event_entry e"
                                                       + " on e.event_identifier = l.event_identifier"
                                                       + " where e.type = 'UserAccount'", Integer.class);
        assertThat(position).as("the users imported at the first start are sealed").isNotNull();
        tamper(position, row -> {
            String payload = new String(row.payload(), StandardCharsets.UTF_8);
            String granted = payload.replace("\"roles\":[", "\"roles\":[\"ADMIN\",");
            assertThat(granted).as(payload).isNotEqualTo(payload);
            return row.withPayload(granted.getBytes(StandardCharsets.UTF_8));
        }, "modified");
    }

    @Test
    void oneFlippedByteOfATimestampIsReportedAsModified() {
        tamper(21, row -> {
            byte[] time = row.timeStamp().getBytes(StandardCharsets.US_ASCII);
            return row.withTimeStamp(new String(StoredEventRow.flipped(time, time.length - 2),
                                                StandardCharsets.US_ASCII));
        }, "modified");
    }

    @Test
    void aDeletedEventIsReportedAsDeletedAtItsPosition() {
        Map<String, Object> sealed = leaf(9);
        StoredEventRow original = StoredEventRow.read(jdbc, globalIndex(sealed));
        jdbc.update("delete from domain_event_entry where global_index = ?", original.globalIndex());
        try {
            assertProblem(verify(), 9, "deleted", (String) sealed.get("record_id"));
        } finally {
            original.insert(jdbc);
        }
        assertThat(verify().get("status").asText()).isEqualTo("ok");
    }

    @Test
    void anInsertedEventIsReportedAsInsertedWhereItAppears() {
        StoredEventRow model = StoredEventRow.read(jdbc, globalIndex(leaf(firstAct())));
        String payload = new String(model.payload(), StandardCharsets.UTF_8);
        String recordId = "forged-" + System.nanoTime();
        StoredEventRow forged = model.as(0, "forged-event", "forged-aggregate")
                .withPayload(payload.replaceFirst("\"recordId\":\"[^\"]+\"", "\"recordId\":\"" + recordId + "\"")
                                     .getBytes(StandardCharsets.UTF_8));
        forged.insert(jdbc);
        try {
            assertProblem(verify(), 0, "inserted", recordId);
        } finally {
            jdbc.update("delete from domain_event_entry where global_index = 0");
        }
        assertThat(verify().get("status").asText()).isEqualTo("ok");
    }

    @Test
    void twoSwappedEventsAreReportedAsReorderedAtTheFirst() {
        Map<String, Object> first = leaf(5);
        Map<String, Object> second = leaf(16);
        StoredEventRow a = StoredEventRow.read(jdbc, globalIndex(first));
        StoredEventRow b = StoredEventRow.read(jdbc, globalIndex(second));
        swap(a, b);
        try {
            assertProblem(verify(), 5, "reordered", (String) first.get("record_id"));
        } finally {
            swap(StoredEventRow.read(jdbc, a.globalIndex()), StoredEventRow.read(jdbc, b.globalIndex()));
        }
        assertThat(verify().get("status").asText()).isEqualTo("ok");
    }

    @Test
    void anAlteredAuditLeafIsReportedAsSuchWhileTheEventMatchesItsCheckpoint() {
        Map<String, Object> sealed = leaf(14);
        byte[] hash = (byte[]) sealed.get("leaf_hash");
        jdbc.update("update audit_leaf set leaf_hash = ? where leaf_index = 14",
                    (Object) StoredEventRow.flipped(hash, 0));
        try {
            assertProblem(verify(), 14, "leaf-altered", (String) sealed.get("record_id"));
        } finally {
            jdbc.update("update audit_leaf set leaf_hash = ? where leaf_index = 14", (Object) hash);
        }
    }

    @Test
    void anEventAndItsLeafChangedAlikeStillBreakTheSignedCheckpoint() {
        Map<String, Object> sealed = leaf(13);
        StoredEventRow original = StoredEventRow.read(jdbc, globalIndex(sealed));
        StoredEventRow forged = original.withPayload(StoredEventRow.flipped(original.payload(), 20));
        byte[] forgedLeaf = org.coalitionledger.audit.Merkle.leafHash(new org.coalitionledger.audit.CanonicalEvent(
                forged.eventId(), forged.type(), forged.aggregateId(), forged.sequenceNumber(), forged.timeStamp(),
                forged.payloadType(), forged.payloadRevision(), forged.payload(), forged.metaData())
                                                                                .canonicalBytes());
        forged.writeAt(jdbc, original.globalIndex());
        jdbc.update("update audit_leaf set leaf_hash = ? where leaf_index = 13", (Object) forgedLeaf);
        try {
            JsonNode answer = verify();
            assertProblem(answer, 10, "checkpoint-mismatch", null);
            assertThat(answer.at("/firstProblem/checkpoint").asLong()).isEqualTo(20);
        } finally {
            original.writeAt(jdbc, original.globalIndex());
            jdbc.update("update audit_leaf set leaf_hash = ? where leaf_index = 13", sealed.get("leaf_hash"));
        }
    }

    @Test
    void aCheckpointWhoseRootWasRewrittenFailsItsSignature() {
        byte[] root = jdbc.queryForObject("select root_hash from audit_checkpoint where tree_size = 20", byte[].class);
        jdbc.update("update audit_checkpoint set root_hash = ? where tree_size = 20",
                    (Object) StoredEventRow.flipped(root, 31));
        try {
            JsonNode answer = verify();
            assertProblem(answer, 10, "bad-signature", null);
            assertThat(answer.get("verifiedCheckpoints").asInt()).isEqualTo(1);
        } finally {
            jdbc.update("update audit_checkpoint set root_hash = ? where tree_size = 20", (Object) root);
        }
    }

    @Test
    void aMissingGlobalIndexHoldsSealingUpUntilTheGapTimeoutAndAnEventCommittedIntoItLaterIsInserted()
            throws InterruptedException {
        assertThat(post("/api/audit/checkpoints", "").status()).isEqualTo(201);
        long sealed = sealedCount();
        long last = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        // an event of a type no projection handles, written two indexes on: index last + 1 is missing
        probe(last + 2, "after-gap").insert(jdbc);
        if (TestDatabase.postgres()) {
            jdbc.queryForObject("select setval(pg_get_serial_sequence('domain_event_entry', 'global_index'), "
                                        + (last + 2) + ")", Long.class);
        } else {
            jdbc.execute("alter table domain_event_entry alter column global_index restart with " + (last + 3));
        }

        assertThat(post("/api/audit/checkpoints", "").status()).isEqualTo(201);
        assertThat(sealedCount()).as("held up at the gap").isEqualTo(sealed);
        JsonNode waiting = verify();
        assertThat(waiting.get("status").asText()).isEqualTo("ok");
        assertThat(waiting.get("pending").asLong()).isEqualTo(1);

        // sealing again and again, the gap is skipped once it has been missing for the gap timeout (PT2S)
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250)).until(() -> {
            assertThat(post("/api/audit/checkpoints", "").status()).isEqualTo(201);
            return sealedCount() == sealed + 1;
        });
        assertThat(verify().get("pending").asLong()).isZero();

        StoredEventRow late = probe(last + 1, "into-gap");
        late.insert(jdbc);
        try {
            assertProblem(verify(), sealed, "inserted", "into-gap");
        } finally {
            jdbc.update("delete from domain_event_entry where global_index = ?", late.globalIndex());
        }
        assertThat(verify().get("status").asText()).isEqualTo("ok");
    }

    private static StoredEventRow probe(long globalIndex, String recordId) {
        return new StoredEventRow(globalIndex, "probe-" + recordId, "Probe", "probe-" + recordId, 0,
                                  "2026-01-01T00:00:00.000Z", "org.coalitionledger.test.Probe", null,
                                  ("{\"recordId\":\"" + recordId + "\"}").getBytes(StandardCharsets.UTF_8),
                                  "{}".getBytes(StandardCharsets.UTF_8));
    }

    /** The tree position of the first act: the users imported at the first start come before it. */
    private int firstAct() {
        return jdbc.queryForObject("select min(leaf_index) from audit_leaf where record_id is not null", Integer.class);
    }

    private long sealedCount() {
        return jdbc.queryForObject("select count(*) from audit_leaf", Long.class);
    }

    private void tamper(int position, java.util.function.UnaryOperator<StoredEventRow> change, String kind) {
        Map<String, Object> sealed = leaf(position);
        StoredEventRow original = StoredEventRow.read(jdbc, globalIndex(sealed));
        change.apply(original).writeAt(jdbc, original.globalIndex());
        try {
            assertProblem(verify(), position, kind, (String) sealed.get("record_id"));
        } finally {
            original.writeAt(jdbc, original.globalIndex());
        }
        assertThat(verify().get("status").asText()).isEqualTo("ok");
    }

    private void swap(StoredEventRow a, StoredEventRow b) {
        a.as(a.globalIndex(), "swap-" + a.eventId(), "swap-" + a.aggregateId()).writeAt(jdbc, a.globalIndex());
        a.writeAt(jdbc, b.globalIndex());
        b.writeAt(jdbc, a.globalIndex());
    }

    private static void assertProblem(JsonNode answer, long position, String kind, String recordId) {
        assertThat(answer.get("status").asText()).as(answer.toString()).isEqualTo("tampered");
        JsonNode problem = answer.get("firstProblem");
        assertThat(problem.get("kind").asText()).as(problem.toString()).isEqualTo(kind);
        assertThat(problem.get("position").asLong()).as(problem.toString()).isEqualTo(position);
        if (recordId != null) {
            assertThat(problem.get("recordId").asText()).as(problem.toString()).isEqualTo(recordId);
        }
    }

    private JsonNode verify() {
        Response response = get("/api/audit/verify");
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    private Map<String, Object> leaf(int position) {
        return jdbc.queryForMap("select leaf_index, global_index, event_identifier, record_id, leaf_hash"
                                        + " from audit_leaf where leaf_index = ?", position);
    }

    private static long globalIndex(Map<String, Object> leaf) {
        return ((Number) leaf.get("global_index")).longValue();
    }
}
