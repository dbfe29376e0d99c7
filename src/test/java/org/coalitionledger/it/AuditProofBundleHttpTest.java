package org.coalitionledger.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.coalitionledger.audit.BundleVerifier;
import org.coalitionledger.audit.Rfc9162Verifier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Inclusion and consistency proofs checked by an independent RFC 9162 verifier and the public key; the audit bundle
 * checked by the offline verifier, whole and with one line changed; the audit report as HTML and CSV.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditProofBundleHttpTest extends LedgerHttpTestSupport {

    private static final HexFormat HEX = HexFormat.of();
    private static final String SCRIPT_TITLE = "<script>alert('x')</script> & \"Report\"";

    /** One directory for every read of the property (a supplier is asked again at each read). */
    private static final String DATA_DIR = freshDataDir();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestDatabase.registerFresh(registry, () -> DATA_DIR);
        registry.add("ledger.audit.checkpoint-every", () -> "8");
    }

    private static boolean loaded;

    @Value("${ledger.audit.key-dir}")
    private String keyDirectory;

    @TempDir
    Path temp;

    @BeforeEach
    void loadTheExampleOnce() {
        if (!loaded) {
            loaded = true;
            assertThat(postLines("/api/import", example()).status()).isEqualTo(201);
            assertThat(post("/api/coalitions/it-coalition/members",
                            "{\"party\":\"FR\",\"effectiveDate\":\"2024-06-03\",\"source\":{\"title\":"
                                    + JSON.valueToTree(SCRIPT_TITLE) + ",\"url\":\"https://example.org/?a=1&b=2\"},"
                                    + "\"notes\":\"<img src=x onerror=alert(1)>\"}")
                               .status()).isEqualTo(201);
            assertThat(post("/api/audit/checkpoints", "").status()).isEqualTo(201);
        }
    }

    @Test
    void everyRecordHasAnInclusionProofThatVerifiesIndependentlyAgainstASignedCheckpoint() throws Exception {
        PublicKey key = publicKey();
        // a user event has no record id: its proof is asked by its event id
        List<Map<String, Object>> leaves = jdbc.queryForList(
                "select coalesce(record_id, event_identifier) record_id, leaf_hash from audit_leaf"
                        + " order by leaf_index");
        JsonNode checkpoints = get("/api/audit/checkpoints").json();
        assertThat(checkpoints.size()).isGreaterThanOrEqualTo(3);
        for (JsonNode checkpoint : checkpoints) {
            assertThat(signatureValid(key, checkpoint)).as(checkpoint.toString()).isTrue();
            long size = checkpoint.get("treeSize").asLong();
            for (int i = 0; i < size; i++) {
                String recordId = (String) leaves.get(i).get("record_id");
                JsonNode proof = get("/api/audit/proof/" + recordId + "?checkpoint=" + size).json();
                assertThat(proof.get("leafIndex").asLong()).isEqualTo(i);
                assertThat(proof.get("rootHash").asText()).isEqualTo(checkpoint.get("rootHash").asText());
                byte[] leafHash = (byte[]) leaves.get(i).get("leaf_hash");
                assertThat(Rfc9162Verifier.inclusion(i, size, leafHash, hashes(proof.get("auditPath")),
                                                     HEX.parseHex(checkpoint.get("rootHash").asText())))
                        .as("record %s in checkpoint %d", recordId, size).isTrue();
            }
        }
    }

    @Test
    void theLeafOfAProofIsTheHashOfTheEventsCanonicalLineInTheBundle() throws Exception {
        Map<String, String> files = unzip(getBytes("/api/audit/bundle").getBody());
        List<String> events = files.get("events.jsonl").lines().toList();
        JsonNode proof = get("/api/audit/proof/" + JSON.readTree(events.get(11)).get("eventId").asText()).json();
        assertThat(proof.get("leafIndex").asInt()).isEqualTo(11);
        assertThat(proof.get("leafHash").asText())
                .isEqualTo(HEX.formatHex(Rfc9162Verifier.leaf(events.get(11).getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void consistencyProofsBetweenEveryPairOfCheckpointsVerifyIndependently() {
        JsonNode checkpoints = get("/api/audit/checkpoints").json();
        for (JsonNode from : checkpoints) {
            for (JsonNode to : checkpoints) {
                long m = from.get("treeSize").asLong();
                long n = to.get("treeSize").asLong();
                if (m > n) {
                    continue;
                }
                JsonNode proof = get("/api/audit/consistency?from=" + m + "&to=" + n).json();
                assertThat(Rfc9162Verifier.consistency(m, n, HEX.parseHex(from.get("rootHash").asText()),
                                                       HEX.parseHex(to.get("rootHash").asText()),
                                                       hashes(proof.get("proof"))))
                        .as("%d to %d", m, n).isTrue();
            }
        }
    }

    @Test
    void badProofRequestsAreProblemsNamingTheField() {
        assertField(get("/api/audit/proof/no-such-record"), 404, "recordId");
        String recordId = act(3);
        assertField(get("/api/audit/proof/" + recordId + "?checkpoint=999999"), 404, "checkpoint");
        assertField(get("/api/audit/proof/" + recordId + "?checkpoint=many"), 400, "checkpoint");
        String last = jdbc.queryForObject("select record_id from audit_leaf where leaf_index = 20", String.class);
        assertField(get("/api/audit/proof/" + last + "?checkpoint=8"), 409, "checkpoint");
        assertField(get("/api/audit/consistency?from=16&to=8"), 400, "to");
        assertField(get("/api/audit/consistency?to=8"), 400, "from");
        assertField(get("/api/audit/consistency?from=0&to=8"), 400, "from");
        assertField(get("/api/audit/consistency?from=7&to=8"), 404, "from");
        assertField(get("/api/audit/report?coalition=it-coalition&format=pdf"), 400, "format");
        assertField(get("/api/audit/report?coalition=it-coalition&from=2024-13-01"), 400, "from");
        assertField(get("/api/audit/report?coalition=nowhere"), 404, "coalition");
    }

    @Test
    void theOfflineVerifierAcceptsTheBundleAndNamesTheRecordOfAChangedLine() throws Exception {
        ResponseEntity<byte[]> response = getBytes("/api/audit/bundle");
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getHeaders().getContentType().toString()).isEqualTo("application/zip");
        Map<String, String> files = unzip(response.getBody());
        assertThat(files).containsOnlyKeys("README.txt", "public-key.pem", "checkpoints.jsonl", "leaves.jsonl",
                                           "events.jsonl");
        Path bundle = temp.resolve("bundle.zip");
        Files.write(bundle, response.getBody());
        Outcome good = verifyOffline(bundle);
        assertThat(good.code()).as(good.err()).isEqualTo(BundleVerifier.OK);
        // 27 acts, and the events of the users imported at the first start
        assertThat(good.out()).startsWith("OK: " + (27 + TestUsers.events(jdbc)) + " records match");

        List<String> events = new ArrayList<>(files.get("events.jsonl").lines().toList());
        int position = firstAct() + 12;
        JsonNode line = JSON.readTree(events.get(position));
        String payload = new String(Base64.getDecoder().decode(line.get("payload").asText()), StandardCharsets.UTF_8);
        String recordId = JSON.readTree(payload).get("recordId").asText();
        String changed = payload.replace("\"effectiveDate\":\"", "\"effectiveDate\":\"1");
        assertThat(changed).isNotEqualTo(payload);
        events.set(position, events.get(position).replace(line.get("payload").asText(), Base64.getEncoder()
                .encodeToString(changed.getBytes(StandardCharsets.UTF_8))));
        files.put("events.jsonl", String.join("\n", events) + "\n");
        Path tampered = temp.resolve("tampered.zip");
        Files.write(tampered, zip(files));
        Outcome bad = verifyOffline(tampered);
        assertThat(bad.code()).isEqualTo(BundleVerifier.TAMPERED);
        assertThat(bad.err()).contains("modified at position " + position, recordId);

        events.remove(position);
        files.put("events.jsonl", String.join("\n", events) + "\n");
        Files.write(tampered, zip(files));
        Outcome deleted = verifyOffline(tampered);
        assertThat(deleted.code()).isEqualTo(BundleVerifier.TAMPERED);
        assertThat(deleted.err()).contains("deleted at position " + position, recordId);
    }

    /** The tree position of the first act: the users imported at the first start come before it. */
    private int firstAct() {
        return jdbc.queryForObject("select min(leaf_index) from audit_leaf where record_id is not null", Integer.class);
    }

    /** The record id of the act {@code n} positions after the first. */
    private String act(int n) {
        return jdbc.queryForObject("select record_id from audit_leaf where leaf_index = ?", String.class,
                                   firstAct() + n);
    }

    @Test
    void theOfflineVerifierRefusesAWrongCommandLineOrAnUnreadableBundle() throws IOException {
        assertThat(verifyOffline().code()).isEqualTo(BundleVerifier.UNREADABLE);
        Path notAZip = temp.resolve("not-a-bundle.zip");
        Files.writeString(notAZip, "not a zip");
        assertThat(verifyOffline(notAZip).code()).isEqualTo(BundleVerifier.UNREADABLE);
        assertThat(verifyOffline(notAZip.resolveSibling("missing.zip")).code()).isEqualTo(BundleVerifier.UNREADABLE);
    }

    @Test
    void theReportEscapesRecordedTextInHtml() {
        Response html = get("/api/audit/report?coalition=it-coalition");
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.headers().getContentType().toString()).startsWith("text/html");
        assertThat(html.text()).doesNotContain("<script>", "<img")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Report&quot;",
                          "&lt;img src=x onerror=alert(1)&gt;", "https://example.org/?a=1&amp;b=2")
                .contains("JoinCoalition", "(month)", "verified: position");
    }

    @Test
    void theReportAsCsvListsEveryActWithItsSourceRecorderAndVerification() throws IOException {
        Response csv = get("/api/audit/report?coalition=it-coalition&format=csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.headers().getContentType().toString()).startsWith("text/csv");
        List<CSVRecord> rows;
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.text()))) {
            rows = parser.getRecords();
        }
        assertThat(rows).hasSize(27);
        CSVRecord france = rows.stream().filter(row -> row.get("party").equals("FR")).findFirst().orElseThrow();
        assertThat(france.get("sourceTitle")).isEqualTo(SCRIPT_TITLE);
        assertThat(france.get("effectiveDate")).isEqualTo("2024-06-03");
        assertThat(france.get("precision")).isEqualTo("day");
        assertThat(france.get("recordedBy")).isEqualTo(TestUsers.ADMIN.name());
        assertThat(rows).allSatisfy(row -> assertThat(row.get("verification")).startsWith("verified: position"));

        Response june = get("/api/audit/report?coalition=it-coalition&format=csv&from=2024-06-01&to=2024-06-30");
        assertThat(june.text().lines()).hasSize(2);
    }

    /** Users' scripts read these answers by name: their fields and order are fixed, and the OpenAPI names them. */
    @Test
    void theAnswersKeepTheirFieldsInOrderAndTheOpenApiDocumentDescribesThem() {
        List<String> checkpoint = List.of("treeSize", "rootHash", "createdAt", "signature", "signedText");
        assertThat(fields(get("/api/audit/public-key").json()))
                .containsExactly("algorithm", "format", "pem", "base64", "fingerprintSha256");
        assertThat(fields(get("/api/audit/checkpoints").json().get(0))).isEqualTo(checkpoint);
        JsonNode verify = get("/api/audit/verify").json();
        assertThat(fields(verify)).containsExactly("status", "verifiedAt", "checkedRecords", "pending", "checkpoints",
                                                   "verifiedCheckpoints", "verifiedThrough", "latestCheckpoint",
                                                   "firstProblem");
        assertThat(verify.get("firstProblem").isNull()).isTrue();
        assertThat(fields(verify.get("latestCheckpoint"))).isEqualTo(checkpoint);
        String recordId = act(0); // inside the first checkpoint (8)
        JsonNode proof = get("/api/audit/proof/" + recordId + "?checkpoint=8").json();
        assertThat(fields(proof)).containsExactly("recordId", "eventId", "leafIndex", "treeSize", "leafHash",
                                                  "auditPath", "rootHash", "checkpoint");
        assertThat(fields(proof.get("checkpoint"))).isEqualTo(checkpoint);
        assertThat(fields(get("/api/audit/consistency?from=8&to=16").json())).containsExactly("from", "to", "proof");

        JsonNode schemas = get("/v3/api-docs").json().at("/components/schemas");
        assertThat(fields(schemas.get("VerifyResponse").get("properties"))).contains("status", "reason",
                                                                                     "firstProblem");
        assertThat(fields(schemas.get("VerifyProblem").get("properties"))).contains("position", "kind", "detail");
        assertThat(fields(schemas.get("CheckpointResponse").get("properties"))).containsAll(checkpoint);
        assertThat(schemas.has("ProofResponse")).isTrue();
        assertThat(schemas.has("ConsistencyResponse")).isTrue();
        assertThat(schemas.has("PublicKeyResponse")).isTrue();
    }

    private static List<String> fields(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void thePublicKeyIsServedAndThePrivateKeyIsReadableByItsOwnerOnly() throws Exception {
        JsonNode key = get("/api/audit/public-key").json();
        assertThat(key.get("algorithm").asText()).isEqualTo("Ed25519");
        assertThat(key.get("pem").asText()).startsWith("-----BEGIN PUBLIC KEY-----");
        Path privateKey = Path.of(keyDirectory, "checkpoint-key.pem");
        assertThat(Files.readString(Path.of(keyDirectory, "checkpoint-key.pub.pem")))
                .isEqualTo(key.get("pem").asText());
        assertThat(Files.readString(privateKey)).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(privateKey)))
                .isEqualTo("rw-------");
    }

    private static void assertField(Response response, int status, String field) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.json().get("field").asText()).as(response.text()).isEqualTo(field);
    }

    private PublicKey publicKey() throws Exception {
        byte[] der = Base64.getDecoder().decode(get("/api/audit/public-key").json().get("base64").asText());
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
    }

    /** Checks a checkpoint's signature over the text docs/audit.md documents, built here from its fields. */
    private static boolean signatureValid(PublicKey key, JsonNode checkpoint) throws Exception {
        String text = "coalition-ledger checkpoint v1\n" + checkpoint.get("treeSize").asLong() + "\n"
                + checkpoint.get("rootHash").asText() + "\n" + checkpoint.get("createdAt").asText() + "\n";
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(key);
        verifier.update(text.getBytes(StandardCharsets.UTF_8));
        return verifier.verify(Base64.getDecoder().decode(checkpoint.get("signature").asText()));
    }

    private static List<byte[]> hashes(JsonNode array) {
        List<byte[]> hashes = new ArrayList<>();
        array.forEach(hash -> hashes.add(HEX.parseHex(hash.asText())));
        return hashes;
    }

    private static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    private static byte[] zip(Map<String, String> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                out.putNextEntry(new ZipEntry(file.getKey()));
                out.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private record Outcome(int code, String out, String err) {
    }

    private static Outcome verifyOffline(Path... bundle) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] args = new String[bundle.length + 1];
        args[0] = BundleVerifier.COMMAND;
        for (int i = 0; i < bundle.length; i++) {
            args[i + 1] = bundle[i].toString();
        }
        int code = BundleVerifier.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                                      new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
