package org.coalitionledger.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An export ends with a trailer that counts and hashes the lines before it; an import checks it and refuses, writing
 * nothing, a file cut short, altered or appended to. Streamed answers have no time limit.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ExportTrailerHttpTest extends OwnLedgerHttpTest {

    @Autowired
    private RequestMappingHandlerAdapter mvc;

    @BeforeEach
    void loadTheExampleOnce() {
        importTheExampleOnce();
    }

    @Test
    void exportEndsWithATrailerCountingAndHashingTheExactBytesBeforeIt() throws Exception {
        String export = get("/api/export").text();
        assertThat(export).endsWith("}\n");
        List<String> lines = export.lines().toList();
        JsonNode trailer = JSON.readTree(lines.get(lines.size() - 1));
        String before = export.substring(0, export.length() - lines.get(lines.size() - 1).length() - 1);
        assertThat(trailer.get("end").asBoolean()).isTrue();
        assertThat(trailer.get("lines").asLong()).isEqualTo(lines.size() - 1)
                .isGreaterThanOrEqualTo(26);
        assertThat(trailer.get("sha256").asText()).isEqualTo(sha256(before));
    }

    @Test
    void anExportWithAMatchingTrailerImports() {
        List<String> lines = renamed("copied");
        Response response = postLines("/api/import", withTrailer(lines));
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        assertThat(response.json().get("imported").asLong()).isEqualTo(26);
    }

    @Test
    void aFileCutShortIsRefusedAndNothingIsWritten() {
        List<String> lines = renamed("cut");
        String trailer = trailerOf(lines);
        lines.remove(10);
        long before = storedEvents();
        Response response = postLines("/api/import", String.join("\n", lines) + "\n" + trailer + "\n");
        assertThat(response.status()).as(response.text()).isEqualTo(400);
        assertThat(response.json().get("field").asText()).isEqualTo("lines");
        assertThat(response.json().get("detail").asText()).contains("counts 26 lines", "has 25", "cut short");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void anAlteredFileIsRefusedAndNothingIsWritten() {
        List<String> lines = renamed("altered");
        String trailer = trailerOf(lines);
        lines.set(1, lines.get(1).replace("\"NL\"", "\"BE\""));
        long before = storedEvents();
        Response response = postLines("/api/import", String.join("\n", lines) + "\n" + trailer + "\n");
        assertThat(response.status()).as(response.text()).isEqualTo(400);
        assertThat(response.json().get("field").asText()).isEqualTo("sha256");
        assertThat(response.json().get("detail").asText()).contains("altered");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void linesAfterTheTrailerAreRefusedAndNothingIsWritten() {
        List<String> lines = renamed("appended");
        String extra = "{\"command\":\"JoinCoalition\",\"coalition\":\"appended\",\"party\":\"BE\","
                + "\"effectiveDate\":\"2024-06\",\"source\":" + SOURCE + "}";
        long before = storedEvents();
        Response response = postLines("/api/import", withTrailer(lines) + extra + "\n");
        assertThat(response.status()).as(response.text()).isEqualTo(400);
        assertThat(response.json().get("field").asText()).isEqualTo("end");
        assertThat(response.json().get("detail").asText()).contains("line 28 comes after", "line 27");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aHandWrittenFileWithoutTrailerStillImports() {
        Response response = postLines("/api/import", String.join("\n", renamed("by-hand")));
        assertThat(response.status()).as(response.text()).isEqualTo(201);
    }

    @Test
    void streamedAnswersHaveNoTimeLimit() {
        // GET /api/export and /api/audit/bundle stream through Spring MVC's async support; -1 means no timeout
        assertThat(ReflectionTestUtils.getField(mvc, "asyncRequestTimeout")).isEqualTo(-1L);
    }

    /** The example's lines under another coalition id, so that they import next to the first copy. */
    private static List<String> renamed(String coalition) {
        return new ArrayList<>(example().replace("it-coalition", coalition).lines().filter(l -> !l.isBlank())
                                       .toList());
    }

    private static String withTrailer(List<String> lines) {
        return String.join("\n", lines) + "\n" + trailerOf(lines) + "\n";
    }

    private static String trailerOf(List<String> lines) {
        return "{\"end\": true, \"lines\": " + lines.size() + ", \"sha256\": \""
                + sha256(String.join("\n", lines) + "\n") + "\"}";
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                                                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
