package org.coalitionledger.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import org.coalitionledger.audit.BundleVerifier;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Evidence files: stored content-addressed and once, served only as downloads, refused with a problem detail when
 * the type, hash or size is wrong; a source may cite them only once they are stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EvidenceHttpTest extends SharedLedgerHttpTest {

    private static byte[] unique(String text) {
        return (text + " " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private Response upload(byte[] body, String contentType, String query) {
        return send(TestUsers.RECORDER, HttpMethod.POST, "/api/evidence" + query, body, contentType);
    }

    private long stored(String hash) {
        return jdbc.queryForObject("select count(*) from evidence where sha256 = ?", Long.class, hash);
    }

    @Test
    void storesAFileOnceByItsHashAndServesItAsADownload() throws Exception {
        byte[] pdf = unique("%PDF-1.4 a treaty text");
        Response first = upload(pdf, "application/pdf", "?filename=treaty.pdf");
        assertThat(first.status()).as(first.text()).isEqualTo(201);
        assertThat(first.json().get("sha256").asText()).isEqualTo(sha256(pdf));
        assertThat(first.json().get("size").asLong()).isEqualTo(pdf.length);
        assertThat(first.json().get("mediaType").asText()).isEqualTo("application/pdf");
        assertThat(first.json().get("filename").asText()).isEqualTo("treaty.pdf");
        Response again = upload(pdf, "application/pdf", "?filename=other.pdf");
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().get("sha256").asText()).isEqualTo(sha256(pdf));
        assertThat(stored(sha256(pdf))).isEqualTo(1);

        user = TestUsers.VIEWER;
        ResponseEntity<byte[]> download = getBytes("/api/evidence/" + sha256(pdf));
        assertThat(download.getStatusCode().value()).isEqualTo(200);
        assertThat(download.getBody()).isEqualTo(pdf);
        assertThat(download.getHeaders().getContentType()).hasToString("application/pdf");
        assertThat(download.getHeaders().getContentDisposition().isAttachment()).isTrue();
        assertThat(download.getHeaders().getContentDisposition().getFilename()).isEqualTo("treaty.pdf");
        assertThat(download.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void anHtmlPageIsNeverRenderedInline() throws Exception {
        byte[] html = unique("<html><script>alert(1)</script></html>");
        assertThat(upload(html, "text/html; charset=utf-8", "").status()).isEqualTo(201);
        ResponseEntity<byte[]> download = getBytes("/api/evidence/" + sha256(html));
        assertThat(download.getHeaders().getContentDisposition().isAttachment()).isTrue();
        assertThat(download.getHeaders().getContentDisposition().getFilename()).isEqualTo(sha256(html) + ".html");
        assertThat(download.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void plainTextNeedsAHeaderNoFormCanSend() throws Exception {
        byte[] text = unique("a press release");
        Response bare = upload(text, "text/plain", "");
        assertThat(bare.status()).as(bare.text()).isEqualTo(415);
        assertThat(bare.headers().getContentType().toString()).startsWith("application/problem+json");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.TEXT_PLAIN);
        headers.set("X-Ledger-Upload", "evidence");
        headers.set(HttpHeaders.AUTHORIZATION, TestUsers.RECORDER.basic());
        ResponseEntity<String> sent = http.exchange("/api/evidence", HttpMethod.POST, new HttpEntity<>(text, headers),
                                                    String.class);
        assertThat(sent.getStatusCode().value()).as(sent.getBody()).isEqualTo(201);
        assertThat(stored(sha256(text))).isEqualTo(1);
    }

    @Test
    void refusesUnknownTypesWrongHashesAndOversizeFiles() throws Exception {
        byte[] bytes = unique("GIF89a");
        Response gif = upload(bytes, "image/gif", "");
        assertThat(gif.status()).isEqualTo(415);
        assertThat(gif.json().get("detail").asText()).contains("application/pdf").contains("image/gif");
        assertThat(stored(sha256(bytes))).isZero();

        Response mismatch = upload(bytes, "image/png", "?sha256=" + sha256("other".getBytes(StandardCharsets.UTF_8)));
        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(mismatch.json().get("field").asText()).isEqualTo("sha256");
        assertThat(mismatch.json().get("detail").asText()).contains(sha256(bytes));
        assertThat(stored(sha256(bytes))).isZero();

        assertThat(get("/api/evidence/not-a-hash").status()).isEqualTo(400);
        Response unknown = get("/api/evidence/" + sha256(unique("never stored")));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("field").asText()).isEqualTo("sha256");

        byte[] huge = new byte[20 * 1024 * 1024 + 1];
        Response oversize = upload(huge, "application/pdf", "");
        assertThat(oversize.status()).isEqualTo(413);
        assertThat(stored(sha256(huge))).isZero();

        assertThat(send(TestUsers.VIEWER, HttpMethod.POST, "/api/evidence", bytes, "image/png").status())
                .isEqualTo(403);
        assertThat(send(TestUsers.AUDITOR, HttpMethod.POST, "/api/evidence", bytes, "image/png").status())
                .isEqualTo(403);
    }

    @Test
    void aSourceMayCiteOnlyStoredEvidence() throws Exception {
        String coalition = uniqueId("ev");
        byte[] pdf = unique("%PDF-1.4 communique");
        String hash = sha256(pdf);
        String source = "{\"title\":\"Communique\",\"evidence\":[\"" + hash + "\"]}";
        String form = """
                {"coalition":"%s","name":"Evidence","effectiveDate":"2020-01","source":%s}""";
        Response refused = post("/api/coalitions", form.formatted(coalition, source));
        assertThat(refused.status()).as(refused.text()).isEqualTo(400);
        assertThat(refused.json().get("field").asText()).isEqualTo("source.evidence");
        assertThat(refused.json().get("detail").asText()).contains(hash);
        assertThat(eventCount(coalition)).isZero();

        Response malformed = post("/api/coalitions", form.formatted(coalition,
                "{\"title\":\"Communique\",\"evidence\":[\"ABC\"]}"));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("field").asText()).isEqualTo("source.evidence");

        assertThat(upload(pdf, "application/pdf", "").status()).isEqualTo(201);
        Response formed = post("/api/coalitions", form.formatted(coalition, source));
        assertThat(formed.status()).as(formed.text()).isEqualTo(201);
        JsonNode entry = get("/api/coalitions/" + coalition + "/history").json().get("entries").get(0);
        assertThat(entry.get("source").get("evidence").get(0).asText()).isEqualTo(hash);
        String payload = new String(jdbc.queryForObject(
                "select payload from domain_event_entry where aggregate_identifier = ?", byte[].class, coalition),
                StandardCharsets.UTF_8);
        assertThat(payload).contains("\"evidence\":[\"" + hash + "\"]");
    }

    @Test
    void theBundleCarriesEvidenceAndAChangedFileIsCaughtOffline(@TempDir Path temp) throws Exception {
        String coalition = uniqueId("eb");
        byte[] pdf = unique("%PDF-1.4 minutes of the meeting");
        String hash = sha256(pdf);
        assertThat(upload(pdf, "application/pdf", "").status()).isEqualTo(201);
        Response formed = post("/api/coalitions", """
                {"coalition":"%s","name":"Bundle","effectiveDate":"2020-01",
                 "source":{"title":"Minutes","evidence":["%s"]}}""".formatted(coalition, hash));
        assertThat(formed.status()).as(formed.text()).isEqualTo(201);
        user = TestUsers.AUDITOR;
        assertThat(post("/api/audit/checkpoints", "").status()).isEqualTo(201);
        ResponseEntity<byte[]> bundle = getBytes("/api/audit/bundle?evidence=true");
        assertThat(bundle.getStatusCode().value()).isEqualTo(200);
        Map<String, byte[]> files = unzip(bundle.getBody());
        assertThat(files.get("evidence/" + hash)).isEqualTo(pdf);
        assertThat(unzip(getBytes("/api/audit/bundle").getBody())).doesNotContainKey("evidence/");

        Verified whole = verify(temp.resolve("whole.zip"), files);
        assertThat(whole.code()).as(whole.err()).isEqualTo(BundleVerifier.OK);
        assertThat(whole.out()).contains("cited evidence files match their hashes");

        Map<String, byte[]> altered = new LinkedHashMap<>(files);
        byte[] changed = pdf.clone();
        changed[changed.length - 1] ^= 1;
        altered.put("evidence/" + hash, changed);
        Verified caught = verify(temp.resolve("altered.zip"), altered);
        assertThat(caught.code()).isEqualTo(BundleVerifier.TAMPERED);
        assertThat(caught.err()).contains("evidence file " + hash).contains("altered").contains(sha256(changed));

        Map<String, byte[]> missing = new LinkedHashMap<>(files);
        missing.remove("evidence/" + hash);
        Verified gone = verify(temp.resolve("missing.zip"), missing);
        assertThat(gone.code()).isEqualTo(BundleVerifier.TAMPERED);
        assertThat(gone.err()).contains("evidence file " + hash).contains("missing");
        assertThat(get("/api/audit/bundle?evidence=maybe").status()).isEqualTo(400);
    }

    private record Verified(int code, String out, String err) {
    }

    private static Verified verify(Path zip, Map<String, byte[]> files) throws Exception {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                out.putNextEntry(new ZipEntry(file.getKey()));
                out.write(file.getValue());
                out.closeEntry();
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = BundleVerifier.run(new String[] {zip.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                                      new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Verified(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }
}
