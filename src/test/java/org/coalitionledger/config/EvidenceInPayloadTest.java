package org.coalitionledger.config;

import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.coalitionledger.audit.CanonicalEvent;
import org.coalitionledger.coalition.event.CoalitionJoined;
import org.coalitionledger.common.PartialDate;
import org.coalitionledger.common.Source;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Evidence hashes are part of an event's stored payload, and so of its leaf hash; an event without evidence is
 * stored byte for byte as before evidence existed, so that no leaf hash of an existing ledger changes.
 */
class EvidenceInPayloadTest {

    private static final Serializer JACKSON = AxonConfig.jackson();
    private static final String HASH = "a".repeat(64);

    /** The shape of a source and a join as they were before evidence: serialized alike by Jackson. */
    record SourceBeforeEvidence(String title, String url, String publisher, String publishedOn, String quote) {
    }

    record JoinBeforeEvidence(String recordId, String coalition, String party, PartialDate effectiveDate,
                              SourceBeforeEvidence source, String notes) {
    }

    private static byte[] payload(Object event) {
        return JACKSON.serialize(event, byte[].class).getData();
    }

    private static String leaf(byte[] payload) {
        CanonicalEvent event = new CanonicalEvent("6f1c0f3e-0000-4000-8000-000000000001", "Coalition",
                                                  "it-coalition", 3, "2024-02-14T10:00:00.123Z",
                                                  CoalitionJoined.class.getName(), null, payload, null);
        return HexFormat.of().formatHex(event.leafHash());
    }

    @Test
    void anEventWithoutEvidenceIsStoredAndHashedExactlyAsBefore() {
        PartialDate date = PartialDate.parse("2024-02");
        byte[] before = payload(new JoinBeforeEvidence("r-1", "it-coalition", "NL", date,
                new SourceBeforeEvidence("NATO summit", "https://example.org/s", null, "2024-02", "joined"), null));
        byte[] now = payload(new CoalitionJoined("r-1", "it-coalition", "NL", date,
                new Source("NATO summit", "https://example.org/s", null, "2024-02", "joined"), null));
        byte[] emptyList = payload(new CoalitionJoined("r-1", "it-coalition", "NL", date,
                new Source("NATO summit", "https://example.org/s", null, "2024-02", "joined", List.of()), null));
        assertThat(new String(now, StandardCharsets.UTF_8)).isEqualTo(new String(before, StandardCharsets.UTF_8))
                .doesNotContain("evidence");
        assertThat(emptyList).isEqualTo(before);
        assertThat(leaf(now)).isEqualTo(leaf(before));
    }

    @Test
    void anEventStoredBeforeEvidenceReadsBackWithoutAndWritesBackTheSameBytes() {
        byte[] stored = ("{\"recordId\":\"r-1\",\"coalition\":\"it-coalition\",\"party\":\"NL\",\"effectiveDate\":"
                + "\"2024-02\",\"source\":{\"title\":\"T\",\"url\":null,\"publisher\":null,\"publishedOn\":null,"
                + "\"quote\":null},\"notes\":null}").getBytes(StandardCharsets.UTF_8);
        SerializedObject<byte[]> serialized = new SimpleSerializedObject<>(
                stored, byte[].class, new SimpleSerializedType(CoalitionJoined.class.getName(), null));
        CoalitionJoined read = JACKSON.deserialize(serialized);
        assertThat(read.source().evidence()).isNull();
        assertThat(read.source().evidenceOrEmpty()).isEmpty();
        assertThat(payload(read)).isEqualTo(stored);
    }

    @Test
    void theEvidenceHashesArePartOfThePayloadAndOfTheLeafHash() {
        PartialDate date = PartialDate.parse("2024-02");
        byte[] without = payload(new CoalitionJoined("r-1", "it-coalition", "NL", date,
                new Source("T", null, null, null, null), null));
        byte[] with = payload(new CoalitionJoined("r-1", "it-coalition", "NL", date,
                new Source("T", null, null, null, null, List.of(HASH)), null));
        assertThat(new String(with, StandardCharsets.UTF_8)).contains("\"evidence\":[\"" + HASH + "\"]");
        assertThat(leaf(with)).isNotEqualTo(leaf(without));
        byte[] other = payload(new CoalitionJoined("r-1", "it-coalition", "NL", date,
                new Source("T", null, null, null, null, List.of("b".repeat(64))), null));
        assertThat(leaf(other)).isNotEqualTo(leaf(with));
    }
}
