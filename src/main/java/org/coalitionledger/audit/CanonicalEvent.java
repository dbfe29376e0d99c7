package org.coalitionledger.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * One stored event as the Merkle tree sees it: the columns of its {@code domain_event_entry} row except the global
 * index, with payload and metadata as the exact bytes stored. Its canonical form is a JSON object with exactly these
 * members, serialized as RFC 8785 (JCS) does — members sorted by name, no whitespace, strings escaped minimally,
 * UTF-8 — with the binary columns in standard base64 with padding and absent values as {@code null}:
 * <pre>{"aggregateId":…,"aggregateType":…,"eventId":…,"metaData":…,"payload":…,"payloadRevision":…,
 * "payloadType":…,"sequenceNumber":…,"timestamp":…,"v":1}</pre>
 * The leaf hash of the event is {@code SHA-256(0x00 || canonical bytes)}. docs/audit.md defines it for outsiders.
 */
public record CanonicalEvent(String eventId, String aggregateType, String aggregateId, long sequenceNumber,
                             String timestamp, String payloadType, String payloadRevision, byte[] payload,
                             byte[] metaData) implements Verification.Entry {

    /** The version of the canonical form, a member of every line. */
    public static final int VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder BASE64 = Base64.getEncoder();
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** The canonical bytes: the line of the audit bundle and the input of the leaf hash. */
    @Override
    public byte[] canonicalBytes() {
        return canonicalText().getBytes(StandardCharsets.UTF_8);
    }

    public String canonicalText() {
        StringBuilder out = new StringBuilder(256 + payload.length * 4 / 3
                                                      + (metaData == null ? 0 : metaData.length * 4 / 3));
        out.append("{\"aggregateId\":");
        string(out, aggregateId);
        out.append(",\"aggregateType\":");
        string(out, aggregateType);
        out.append(",\"eventId\":");
        string(out, eventId);
        out.append(",\"metaData\":");
        string(out, metaData == null ? null : BASE64.encodeToString(metaData));
        out.append(",\"payload\":");
        string(out, BASE64.encodeToString(payload));
        out.append(",\"payloadRevision\":");
        string(out, payloadRevision);
        out.append(",\"payloadType\":");
        string(out, payloadType);
        out.append(",\"sequenceNumber\":").append(sequenceNumber);
        out.append(",\"timestamp\":");
        string(out, timestamp);
        out.append(",\"v\":").append(VERSION).append('}');
        return out.toString();
    }

    /** The leaf hash of this event. */
    public byte[] leafHash() {
        return Merkle.leafHash(canonicalBytes());
    }

    /** The act's record id, read from the payload; null when the payload carries none or is not JSON. */
    @Override
    public String recordId() {
        return recordIdOf(payload);
    }

    static String recordIdOf(byte[] payload) {
        try {
            JsonNode node = JSON.readTree(payload);
            JsonNode id = node == null ? null : node.get("recordId");
            return id != null && id.isTextual() ? id.asText() : null;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Reads a canonical line back. Answers null when the line is not an object of the canonical members; the caller
     * compares {@link #canonicalText()} of the answer with the line to know whether it was canonical.
     */
    public static CanonicalEvent parse(String line) {
        try {
            JsonNode node = JSON.readTree(line);
            if (node == null || !node.isObject() || !node.path("sequenceNumber").canConvertToLong()
                    || !node.path("payload").isTextual()) {
                return null;
            }
            return new CanonicalEvent(text(node, "eventId"), text(node, "aggregateType"), text(node, "aggregateId"),
                                      node.get("sequenceNumber").asLong(), text(node, "timestamp"),
                                      text(node, "payloadType"), text(node, "payloadRevision"),
                                      Base64.getDecoder().decode(node.get("payload").asText()),
                                      node.path("metaData").isTextual()
                                              ? Base64.getDecoder().decode(node.get("metaData").asText()) : null);
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** A JSON string as RFC 8785 writes it: only '"', '\\' and control characters escaped; null as null. */
    private static void string(StringBuilder out, String value) {
        if (value == null) {
            out.append("null");
            return;
        }
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
