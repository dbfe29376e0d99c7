package org.coalitionledger.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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
    private static final ThreadLocal<Bytes> BUFFER = ThreadLocal.withInitial(() -> new Bytes(4096));

    /** The canonical bytes: the line of the audit bundle and the input of the leaf hash. */
    @Override
    public byte[] canonicalBytes() {
        Bytes out = new Bytes(256 + (payload.length + 2) / 3 * 4
                                      + (metaData == null ? 0 : (metaData.length + 2) / 3 * 4));
        write(out);
        return out.toArray();
    }

    /** The leaf hash, encoding into a buffer kept per thread: what verification does for every event. */
    @Override
    public byte[] leafHash(MessageDigest digest) {
        Bytes out = BUFFER.get();
        out.size = 0;
        write(out);
        digest.reset();
        digest.update((byte) 0x00);
        digest.update(out.bytes, 0, out.size);
        return digest.digest();
    }

    private void write(Bytes out) {
        out.ascii("{\"aggregateId\":");
        out.string(aggregateId);
        out.ascii(",\"aggregateType\":");
        out.string(aggregateType);
        out.ascii(",\"eventId\":");
        out.string(eventId);
        out.ascii(",\"metaData\":");
        out.base64(metaData);
        out.ascii(",\"payload\":");
        out.base64(payload);
        out.ascii(",\"payloadRevision\":");
        out.string(payloadRevision);
        out.ascii(",\"payloadType\":");
        out.string(payloadType);
        out.ascii(",\"sequenceNumber\":");
        out.ascii(Long.toString(sequenceNumber));
        out.ascii(",\"timestamp\":");
        out.string(timestamp);
        out.ascii(",\"v\":" + VERSION + "}");
    }

    public String canonicalText() {
        return new String(canonicalBytes(), StandardCharsets.UTF_8);
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

    /** A growing byte array that writes JSON values as RFC 8785 does, straight to UTF-8. */
    private static final class Bytes {

        private byte[] bytes;
        private int size;
        private byte[] scratch = new byte[0];

        Bytes(int capacity) {
            bytes = new byte[capacity];
        }

        void ascii(String text) {
            ensure(text.length());
            for (int i = 0; i < text.length(); i++) {
                bytes[size++] = (byte) text.charAt(i);
            }
        }

        void base64(byte[] data) {
            if (data == null) {
                ascii("null");
                return;
            }
            int length = (data.length + 2) / 3 * 4;
            if (scratch.length < length) {
                scratch = new byte[Math.max(length, scratch.length * 2)];
            }
            BASE64.encode(data, scratch);
            ensure(length + 2);
            bytes[size++] = '"';
            System.arraycopy(scratch, 0, bytes, size, length);
            size += length;
            bytes[size++] = '"';
        }

        /** A JSON string: only '"', '\\' and control characters escaped; null as null; the rest as UTF-8. */
        void string(String value) {
            if (value == null) {
                ascii("null");
                return;
            }
            ensure(value.length() * 6 + 2);
            bytes[size++] = '"';
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '"' -> two('\\', '"');
                    case '\\' -> two('\\', '\\');
                    case '\b' -> two('\\', 'b');
                    case '\t' -> two('\\', 't');
                    case '\n' -> two('\\', 'n');
                    case '\f' -> two('\\', 'f');
                    case '\r' -> two('\\', 'r');
                    default -> {
                        if (c < 0x20) {
                            two('\\', 'u');
                            two('0', '0');
                            two((byte) HEX[c >> 4], (byte) HEX[c & 0xF]);
                        } else if (c < 0x80) {
                            bytes[size++] = (byte) c;
                        } else {
                            int end = i + 1;
                            while (end < value.length() && value.charAt(end) >= 0x80) {
                                end++;
                            }
                            byte[] utf8 = value.substring(i, end).getBytes(StandardCharsets.UTF_8);
                            ensure(utf8.length);
                            System.arraycopy(utf8, 0, bytes, size, utf8.length);
                            size += utf8.length;
                            i = end - 1;
                        }
                    }
                }
            }
            bytes[size++] = '"';
        }

        private void two(char a, char b) {
            bytes[size++] = (byte) a;
            bytes[size++] = (byte) b;
        }

        private void two(byte a, byte b) {
            bytes[size++] = a;
            bytes[size++] = b;
        }

        private void ensure(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }

        byte[] toArray() {
            return size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
        }
    }
}
