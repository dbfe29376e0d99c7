package org.coalitionledger.transfer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.coalitionledger.common.Rejection;
import org.coalitionledger.common.Text;
import org.coalitionledger.web.JsonInput;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The last line of an export, {@code {"end":true,"lines":N,"sha256":"…"}}: N is the number of lines before it and
 * {@code sha256} the lowercase hex SHA-256 of their exact bytes, each with its trailing {@code \n} (what
 * {@code head -n -1 export.jsonl | sha256sum} prints). An import that finds a trailer checks it, so that a file cut
 * short, altered or appended to is refused instead of imported in part. Files without a trailer import as before.
 */
public final class ExportTrailer {

    static final String END = "end";
    /** Duplicate keys refused, as on every line of an import ({@link JsonInput}). */
    private static final ObjectMapper JSON = JsonInput.strict(JsonMapper.builder().build());

    private ExportTrailer() {
    }

    /** The trailer line, with its newline, for {@code lines} lines whose bytes hashed to {@code digest}. */
    static byte[] line(long lines, byte[] digest) {
        return ("{\"end\":true,\"lines\":" + lines + ",\"sha256\":\"" + HexFormat.of().formatHex(digest) + "\"}\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** Whether a line of an import is a trailer: a JSON object with an {@code end} member. */
    static boolean isTrailer(String text) {
        return parse(text).isPresent();
    }

    private static Optional<JsonNode> parse(String text) {
        if (!text.contains("\"" + END + "\"")) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(text);
            return node != null && node.isObject() && node.has(END) ? Optional.of(node) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /**
     * Passes an import's bytes through unchanged and, on the side, splits them into lines at {@code \n}, counts and
     * hashes every line before a trailer, and notes the trailer and anything after it. {@link #check()} then says
     * whether the file is whole.
     */
    static final class CheckedInput extends FilterInputStream {

        /** Lines longer than this cannot be a trailer; they are hashed as they pass. */
        private static final int TRAILER_MAX = 1024;

        private final MessageDigest digest = sha256();
        private final ByteArrayOutputStream current = new ByteArrayOutputStream();
        private boolean currentTooLong;
        private long linesBefore;
        private long lineNumber;
        private JsonNode trailer;
        private long trailerLine;
        private byte[] digestBefore;
        private long lineAfterTrailer;
        private boolean ended;

        CheckedInput(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b < 0) {
                end();
            } else {
                take((byte) b);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n < 0) {
                end();
            }
            for (int i = 0; i < n; i++) {
                take(buffer[offset + i]);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            throw new IOException("an import is read whole");
        }

        private void take(byte b) {
            if (trailer != null) {
                if (b == '\n') {
                    lineNumber++;
                } else if (lineAfterTrailer == 0 && !Character.isWhitespace(b)) {
                    lineAfterTrailer = lineNumber + 1;
                }
                return;
            }
            if (currentTooLong) {
                digest.update(b);
            } else {
                current.write(b);
                if (current.size() > TRAILER_MAX) {
                    currentTooLong = true;
                    digest.update(current.toByteArray());
                    current.reset();
                }
            }
            if (b == '\n') {
                lineEnded();
            }
        }

        private void lineEnded() {
            lineNumber++;
            if (currentTooLong) {
                currentTooLong = false;
                linesBefore++;
                return;
            }
            byte[] bytes = current.toByteArray();
            current.reset();
            Optional<JsonNode> found = parse(new String(bytes, StandardCharsets.UTF_8));
            if (found.isPresent()) {
                trailer = found.get();
                trailerLine = lineNumber;
                digestBefore = digest.digest();
            } else {
                digest.update(bytes);
                linesBefore++;
            }
        }

        private void end() {
            if (!ended) {
                ended = true;
                if (trailer == null && (current.size() > 0 || currentTooLong)) {
                    lineEnded();
                }
            }
        }

        /** Refuses (400, naming the trailer's member at fault) a file whose trailer does not match what precedes it. */
        void check() {
            if (trailer == null) {
                return;
            }
            String at = "the export's trailer (line " + trailerLine + ")";
            if (lineAfterTrailer != 0) {
                throw Rejection.invalid(END, "line " + lineAfterTrailer + " comes after " + at
                        + ", which must be the last line; nothing was written");
            }
            JsonNode lines = trailer.get("lines");
            JsonNode sha256 = trailer.get("sha256");
            if (!trailer.get(END).isBoolean() || !trailer.get(END).booleanValue()) {
                throw Rejection.invalid(END, at + " must say \"end\": true; nothing was written");
            }
            if (lines == null || !lines.canConvertToLong() || !lines.isIntegralNumber()) {
                throw Rejection.invalid("lines", at + " must give the number of lines before it; nothing was"
                        + " written");
            }
            if (sha256 == null || !sha256.isTextual()) {
                throw Rejection.invalid("sha256", at + " must give the SHA-256 of the lines before it; nothing was"
                        + " written");
            }
            if (lines.longValue() != linesBefore) {
                throw Rejection.invalid("lines", at + " counts " + lines.longValue() + " lines before it, but the"
                        + " file has " + linesBefore + ": it was cut short or altered; nothing was written");
            }
            String actual = HexFormat.of().formatHex(digestBefore);
            if (!actual.equalsIgnoreCase(sha256.textValue())) {
                throw Rejection.invalid("sha256", "the " + linesBefore + " lines before " + at + " hash to SHA-256 "
                        + actual + ", not " + Text.clip(sha256.textValue())
                        + ": the file was altered; nothing was written");
            }
        }
    }
}
