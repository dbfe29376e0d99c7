package org.coalitionledger.audit;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The canonical form of an event, byte for byte as docs/audit.md defines it. */
class CanonicalEventTest {

    private static final CanonicalEvent EXAMPLE = new CanonicalEvent(
            "6f1c0f3e-0000-4000-8000-000000000001", "Coalition", "it-coalition", 3, "2024-02-14T10:00:00.123Z",
            "org.coalitionledger.coalition.event.CoalitionJoined", null,
            "{\"recordId\":\"r-1\",\"party\":\"NL\"}".getBytes(StandardCharsets.UTF_8),
            "{\"recordedBy\":\"anonymous\"}".getBytes(StandardCharsets.UTF_8));

    @Test
    void membersAreSortedWithoutWhitespaceAndBinaryColumnsInBase64() {
        assertThat(EXAMPLE.canonicalText()).isEqualTo(
                "{\"aggregateId\":\"it-coalition\",\"aggregateType\":\"Coalition\","
                        + "\"eventId\":\"6f1c0f3e-0000-4000-8000-000000000001\","
                        + "\"metaData\":\"eyJyZWNvcmRlZEJ5IjoiYW5vbnltb3VzIn0=\","
                        + "\"payload\":\"eyJyZWNvcmRJZCI6InItMSIsInBhcnR5IjoiTkwifQ==\","
                        + "\"payloadRevision\":null,"
                        + "\"payloadType\":\"org.coalitionledger.coalition.event.CoalitionJoined\","
                        + "\"sequenceNumber\":3,\"timestamp\":\"2024-02-14T10:00:00.123Z\",\"v\":1}");
    }

    @Test
    void theLeafHashIsSha256OfAZeroByteAndTheCanonicalBytes() {
        assertThat(EXAMPLE.leafHash()).isEqualTo(Rfc9162Verifier.leaf(EXAMPLE.canonicalBytes()));
        // the value docs/audit.md gives for this example, computed there with printf and sha256sum
        assertThat(Merkle.hex(EXAMPLE.leafHash())).isEqualTo(
                "5bea98cdfec8e5996cfef9d2d9fc391d4fb20210a4de5f1128274571fbe1078b");
    }

    @Test
    void stringsAreEscapedAsRfc8785DoesAndNonAsciiStaysUtf8() {
        CanonicalEvent odd = new CanonicalEvent("a\"b\\c\n\u0001/é€", null, "x", 0, "t", "p", "1", new byte[0], null);
        assertThat(odd.canonicalText()).contains("\"eventId\":\"a\\\"b\\\\c\\n\\u0001/é€\"",
                                                  "\"aggregateType\":null", "\"metaData\":null", "\"payload\":\"\"",
                                                  "\"payloadRevision\":\"1\"");
        assertThat(CanonicalEvent.parse(odd.canonicalText()).canonicalText()).isEqualTo(odd.canonicalText());
    }

    @Test
    void theRecordIdIsReadFromThePayload() {
        assertThat(EXAMPLE.recordId()).isEqualTo("r-1");
        assertThat(CanonicalEvent.parse(EXAMPLE.canonicalText()).recordId()).isEqualTo("r-1");
    }
}
