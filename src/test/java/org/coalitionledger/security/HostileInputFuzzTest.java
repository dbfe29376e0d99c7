package org.coalitionledger.security;

import com.fasterxml.jackson.databind.JsonNode;
import org.coalitionledger.it.LedgerHttpTestSupport;
import org.coalitionledger.it.TestDatabase;
import org.coalitionledger.it.TestUsers;
import org.coalitionledger.it.TestUsers.TestUser;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ten thousand malformed or hostile requests from a seeded generator (set {@code -Dfuzz.seed} to replay a run):
 * wrong types, huge strings, control characters, deeply nested JSON, invalid UTF-8, SQL and HTML injection, path
 * traversal in ids, bad dates and periods. Every request that could write carries at least one field that is
 * invalid whatever else it holds, so the ledger must refuse it. None may be answered with a 5xx or show a stack
 * trace, SQL or a class name, and the event store and the export must be the same afterwards.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ledger.security.throttle.max-failures-per-address=100000",
                // Tomcat logs the first unparseable request with a stack trace at INFO; the fuzz sends them on
                // purpose and checks every answer
                "logging.level.org.apache.coyote.http11.Http11Processor=warn"})
class HostileInputFuzzTest extends LedgerHttpTestSupport {

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        TestDatabase.registerFresh(registry);
    }

    private static final int REQUESTS = Integer.getInteger("fuzz.requests", 10_000);
    private static final long SEED = Long.getLong("fuzz.seed", System.nanoTime());
    private static final String COALITION = "it-coalition";
    private static final String AGREEMENT = "it-coalition-cooperation-agreement";

    /** What an answer must never contain: traces of the implementation. */
    private static final List<String> LEAKS = List.of("Exception", "\tat ", "org.springframework", "java.lang",
            "java.util", "jakarta.", "org.hibernate", "org.h2", "org.postgresql", "SQLState", "com.fasterxml",
            "org.axonframework", "org.coalitionledger", "Apache Tomcat", "stackTrace", "trace");

    private static final List<String> HOSTILE = List.of(
            "' OR '1'='1", "1; DROP TABLE domain_event_entry; --", "\" OR 1=1 --", "'; DELETE FROM token_entry; --",
            "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "<svg/onload=alert(1)>",
            "../../../../etc/passwd", "..\\..\\windows\\win.ini", "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
            "${jndi:ldap://x/a}",
            "#{7*7}", "{{7*7}}", "\u0000", "\u0007\u001b[31m", "\r\nSet-Cookie: x=y", "\uD800", "\uFFFF", "😀",
            "A".repeat(70), "a".repeat(5_000), "null", "true", "-1", "1e309", "NaN", "[]", "{}", "\\", "\"",
            "%00", "%s%s%s%n", "\u202Eevil", "ＤＥ", "de", "D3", "XX1");

    private static final List<String> BAD_DATES = List.of("2024-13-01", "2024-02-30", "2024-00", "24-01-01",
            "2024/01/01", "01.02.2024", "2999-01-01", "9999-12-31", "+10000-01-01", "-0001-01-01", "2024-1-1",
            "yesterday", "", " ", "2024-01-01T00:00:00Z", "20240101", "2024-W01", "0000-00-00");

    private static final List<String> BAD_PERIODS = List.of("6Y", "P", "P-1Y", "PT1H", "P1000Y", "P99999999D",
            "six years", "P1.5Y", "", "P1Y2", "p6y");

    @LocalServerPort
    private int port;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private Random random;

    private record Hostile(String method, String path, byte[] body, String contentType, TestUser as) {
    }

    @Test
    void hostileRequestsAreRefusedCleanlyAndChangeNothing() throws Exception {
        assertThat(postLines("/api/import", example()).status()).isEqualTo(201);
        long events = storedEvents();
        String export = get("/api/export").text();
        random = new Random(SEED);
        System.out.println("Fuzz seed " + SEED + " (replay with -Dfuzz.seed=" + SEED + ")");

        List<Supplier<Hostile>> generators = List.of(this::hostileRead, this::hostileRead, this::hostileAct,
                this::hostileAct, this::hostileAct, this::hostileFormation, this::hostileAgreement,
                this::hostileCorrection, this::malformedBody, this::malformedBody, this::hostileImport,
                this::hostileCsv, this::hostilePath);
        int[] byStatus = new int[6];
        for (int i = 0; i < REQUESTS; i++) {
            Hostile request = generators.get(random.nextInt(generators.size())).get();
            HttpResponse<String> answer = send(request);
            String what = "request " + i + " (seed " + SEED + "): " + request.method() + " " + request.path() + " "
                    + preview(request.body());
            assertThat(answer.statusCode()).as(what + " answered " + answer.body()).isBetween(200, 499);
            byStatus[answer.statusCode() / 100]++;
            assertThat(answer.statusCode()).as(what + " was accepted: " + answer.body()).isNotEqualTo(201);
            String requestText = new String(request.body() == null ? new byte[0] : request.body(),
                                             StandardCharsets.UTF_8) + request.path();
            for (String leak : LEAKS) {
                if (!requestText.contains(leak)) {
                    assertThat(answer.body()).as(what).doesNotContain(leak);
                }
            }
            if (answer.statusCode() >= 400 && !answer.body().isEmpty()) {
                JsonNode problem;
                try {
                    problem = JSON.readTree(answer.body());
                } catch (java.io.IOException notJson) {
                    throw new AssertionError(what + " answered " + answer.statusCode() + " with " + answer.body());
                }
                assertThat(problem.get("status").asInt()).as(what).isEqualTo(answer.statusCode());
            }
        }
        System.out.printf("Fuzz: %d requests, 2xx %d, 4xx %d%n", REQUESTS, byStatus[2], byStatus[4]);
        assertThat(byStatus[4]).isGreaterThan(REQUESTS / 2);
        assertThat(storedEvents()).isEqualTo(events);
        assertThat(get("/api/export").text()).isEqualTo(export);
    }

    private HttpResponse<String> send(Hostile request) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + request.path()))
                .header("Accept", "application/json");
        if (request.as() != null) {
            builder.header("Authorization", request.as().basic());
        }
        if (request.contentType() != null) {
            builder.header("Content-Type", request.contentType());
        }
        builder.method(request.method(), request.body() == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        return client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    // --- generators ---------------------------------------------------------------------------------------------

    private Hostile hostileRead() {
        String[] paths = {"/api/coalitions/%s/members", "/api/coalitions/%s", "/api/coalitions/%s/timeline",
                "/api/coalitions/%s/history", "/api/agreements/%s/commitments", "/api/parties/%s"};
        String id = random.nextBoolean() ? pick(List.of(COALITION, AGREEMENT, "EE")) : encode(hostileString());
        String path = paths[random.nextInt(paths.length)].formatted(id);
        String[] parameters = {"asOf", "knownAt", "mode", "from", "to", "endingWithin", "party"};
        StringBuilder query = new StringBuilder();
        for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
            query.append(i == 0 ? '?' : '&').append(pick(List.of(parameters))).append('=')
                    .append(encode(random.nextBoolean() ? pick(BAD_DATES) : hostileString()));
        }
        if (random.nextInt(4) == 0) {
            path = "/api/commitments";
        }
        return new Hostile("GET", path + query, null, null, reader());
    }

    private Hostile hostileAct() {
        begin();
        String[] kinds = {"members", "intents", "leads", "departures"};
        String target = random.nextInt(3) == 0 ? encode(hostileString()) : COALITION;
        return json("/api/coalitions/" + target + "/" + pick(List.of(kinds)),
                    body(field("party", "FR"), field("effectiveDate", "2024-05-01"), source(), field("notes", "n")));
    }

    private Hostile hostileFormation() {
        begin();
        return json("/api/coalitions", body(field("coalition", "fuzz-coalition"), field("name", "Fuzz"),
                                            field("effectiveDate", "2024-01"), source(),
                                            "\"focusAreas\":" + value("focusAreas", "[\"cyber\"]")));
    }

    private Hostile hostileAgreement() {
        begin();
        if (random.nextBoolean()) {
            return json("/api/agreements", body(field("agreement", "fuzz-agreement"), field("coalition", COALITION),
                                                field("title", "Fuzz"), field("commitmentTerm", "P6Y"),
                                                field("effectiveDate", "2024-02-14"), source()));
        }
        String target = random.nextInt(3) == 0 ? encode(hostileString()) : AGREEMENT;
        return json("/api/agreements/" + target + "/" + pick(List.of("signatures", "withdrawals")),
                    body(field("party", "FR"), field("effectiveDate", "2024-05-01"), source()));
    }

    private Hostile hostileCorrection() {
        begin();
        String target = random.nextBoolean() ? encode(hostileString()) : "00000000-0000-0000-0000-000000000000";
        if (random.nextBoolean()) {
            return json("/api/records/" + target + "/correction",
                        body(field("effectiveDate", "2024-01-02"), field("reason", "fuzz"), source()));
        }
        return json("/api/records/" + target + "/retraction", body(field("reason", "fuzz"), source()));
    }

    private Hostile malformedBody() {
        String path = pick(List.of("/api/coalitions", "/api/coalitions/" + COALITION + "/members", "/api/agreements",
                                   "/api/records/x/correction"));
        byte[] body = switch (random.nextInt(8)) {
            case 0 -> new byte[]{'{', '"', 'p', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
            case 1 -> "[".repeat(2_000 + random.nextInt(20_000)).getBytes(StandardCharsets.UTF_8);
            case 2 -> ("{\"a\":".repeat(3_000) + "1" + "}".repeat(3_000)).getBytes(StandardCharsets.UTF_8);
            case 3 -> randomBytes(1 + random.nextInt(2_000));
            case 4 -> "{\"party\":\"FR\",".getBytes(StandardCharsets.UTF_8);
            case 5 -> new byte[0];
            case 6 -> ("{\"party\":" + pick(List.of("1", "[]", "{}", "true", "1e999")) + "}")
                    .getBytes(StandardCharsets.UTF_8);
            default -> ("\"" + hostileString() + "\"").getBytes(StandardCharsets.UTF_8);
        };
        String type = pick(List.of("application/json", "application/json", "text/xml", "application/x-ndjson",
                                   "multipart/form-data; boundary=x", "application/json; charset=ISO-8859-1"));
        return new Hostile("POST", path, body, type, recorder());
    }

    private Hostile hostileImport() {
        StringBuilder lines = new StringBuilder();
        int n = 1 + random.nextInt(5);
        int bad = random.nextInt(n);
        for (int i = 0; i < n; i++) {
            if (i == bad) {
                begin();
                lines.append(switch (random.nextInt(4)) {
                    case 0 -> body(field("command", "JoinCoalition"), field("coalition", COALITION),
                                   field("party", "FR"), field("effectiveDate", "2024-05-01"), source());
                    case 1 -> "{\"command\":\"" + hostileString().replace("\"", "") + "\"}";
                    case 2 -> "not json at all " + hostileString();
                    default -> "{\"command\":\"JoinCoalition\"," + "\"x\":".repeat(1) + "[".repeat(3_000);
                });
            } else {
                lines.append("{\"command\":\"JoinCoalition\",\"coalition\":\"").append(COALITION)
                        .append("\",\"party\":\"").append(pick(List.of("FR", "IT", "ES", "PL")))
                        .append("\",\"effectiveDate\":\"2024-05-0").append(1 + random.nextInt(9))
                        .append("\",\"source\":{\"title\":\"ok\"}}");
            }
            lines.append('\n');
        }
        return new Hostile("POST", "/api/import" + (random.nextBoolean() ? "" : "?dryRun=" + encode(hostileString())),
                           lines.toString().getBytes(StandardCharsets.UTF_8), "application/x-ndjson", recorder());
    }

    private Hostile hostileCsv() {
        String csv = "command,coalition,party,effectiveDate,title\n"
                + "JoinCoalition," + COALITION + ",FR," + pick(BAD_DATES).replace(",", "") + ",ok\n"
                + pick(List.of("JoinCoalition", "Evil", "=cmd|' /C calc'!A0")) + ",\"" + hostileString()
                .replace("\"", "\"\"") + "\",FR,2024-05-01,ok\n";
        return new Hostile("POST", "/api/import", csv.getBytes(StandardCharsets.UTF_8), "text/csv", recorder());
    }

    private Hostile hostilePath() {
        String path = pick(List.of("/api/coalitions/%s", "/api/%s", "/api/admin/rebuilds/%s", "/api/records/%s",
                                   "/api/coalitions/%s/members/%s"))
                .formatted(encode(hostileString()), encode(hostileString()));
        String method = pick(List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"));
        return new Hostile(method, path, method.equals("GET") || method.equals("OPTIONS") || method.equals("DELETE")
                ? null : "{}".getBytes(StandardCharsets.UTF_8), "application/json",
                           random.nextInt(5) == 0 ? null : TestUsers.ADMIN);
    }

    // --- building bodies in which at least one field is always invalid -----------------------------------------

    private Hostile json(String path, String body) {
        return new Hostile("POST", path, body.getBytes(StandardCharsets.UTF_8), "application/json", recorder());
    }

    /** How many fields of the body being built were made invalid. */
    private int broken;

    private void begin() {
        broken = 0;
    }

    /** A body whose fields are given in order; one of them (chosen at random) is replaced by an invalid value. */
    private String body(String... fields) {
        return "{" + String.join(",", fields) + "}";
    }

    private String field(String name, String valid) {
        return "\"" + name + "\":" + value(name, "\"" + valid + "\"");
    }

    private String source() {
        return "\"source\":" + value("source", "{\"title\":\"A report\"}");
    }

    /**
     * The value of a field: each is made invalid by chance, and the last field of every body (its source, or the
     * focus areas of a formation) is made invalid if none was, so each body has at least one always-invalid value.
     */
    private String value(String name, String valid) {
        boolean breakIt = random.nextInt(3) == 0 || name.equals("source") && broken == 0
                || name.equals("focusAreas") && broken == 0;
        if (!breakIt) {
            return random.nextInt(4) == 0 ? hostileButPossiblyValid(name, valid) : valid;
        }
        broken++;
        return alwaysInvalid(name);
    }

    /** Values that may or may not be accepted; safe only beside an always-invalid one. */
    private String hostileButPossiblyValid(String name, String valid) {
        return switch (name) {
            case "notes", "name", "title", "reason" -> quote(pick(HOSTILE).replace("\u0000", ""));
            default -> valid;
        };
    }

    private String alwaysInvalid(String name) {
        return switch (name) {
            case "party" -> quote(pick(List.of("fr", "F", "FRA", "F1", "' OR 1=1", "<b>", "../FR", "", "ÄÖ")));
            case "effectiveDate" -> random.nextBoolean() ? quote(pick(BAD_DATES))
                                                         : pick(List.of("20240501", "true", "[]", "{}"));
            case "commitmentTerm" -> quote(pick(BAD_PERIODS));
            case "coalition", "agreement" -> quote(pick(List.of("A".repeat(65), "UPPER", "a", "a b", "a/b", "../x",
                                                                  "'; drop table x; --", "<x>", "")));
            case "focusAreas" -> pick(List.of("\"cyber\"", "[[1]]", "[\"" + "x".repeat(600) + "\"]", "{}",
                                              "[\"a\\u0000b\"]", "[\"a\\nb\"]"));
            case "notes" -> quote("x".repeat(4_001));
            case "name", "title" -> quote("x".repeat(501));
            case "reason" -> pick(List.of("\"\"", "\"  \"", "null", "\"" + "r".repeat(4_001) + "\""));
            case "command" -> quote(pick(List.of("DropCoalition", "", "joincoalition", "<JoinCoalition>")));
            default -> pick(List.of("{}", "{\"url\":\"javascript:alert(1)\"}", "{\"url\":\"file:///etc/passwd\"}",
                                    "{\"title\":\"a\\u0001b\"}", "{\"title\":\"\"}", "\"a report\"", "[]",
                                    "{\"title\":\"x\",\"url\":\"https://" + "a".repeat(2_100) + "\"}",
                                    "{\"title\":\"x\",\"evil\":1}"));
        };
    }

    private String hostileString() {
        if (random.nextInt(5) == 0) {
            StringBuilder s = new StringBuilder();
            for (int i = 0, n = random.nextInt(80); i < n; i++) {
                s.append((char) random.nextInt(0x3000));
            }
            return s.toString();
        }
        return pick(HOSTILE);
    }

    private TestUser recorder() {
        return random.nextInt(10) == 0 ? TestUsers.VIEWER : random.nextBoolean() ? TestUsers.RECORDER
                                                                                 : TestUsers.ADMIN;
    }

    private TestUser reader() {
        return TestUsers.ALL.get(random.nextInt(TestUsers.ALL.size()));
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }

    private static String quote(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.'
                    || c == '_') {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }

    private static String preview(byte[] body) {
        if (body == null) {
            return "";
        }
        String text = new String(body, StandardCharsets.UTF_8);
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
