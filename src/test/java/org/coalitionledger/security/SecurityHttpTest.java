package org.coalitionledger.security;

import org.coalitionledger.it.LedgerHttpTestSupport;
import org.coalitionledger.it.TestDatabase;
import org.coalitionledger.it.TestUsers;
import org.coalitionledger.it.TestUsers.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Logins, throttling, body limits, security headers and who is recorded as the recorder. */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ledger.security.max-body=4KB", "ledger.security.max-import-body=16KB",
                "ledger.security.max-evidence-body=8KB",
                "ledger.security.throttle.max-failures-per-user=3",
                "ledger.security.throttle.max-failures-per-address=1000"})
@ExtendWith(OutputCaptureExtension.class)
class SecurityHttpTest extends LedgerHttpTestSupport {

    /** A user of this class's own, whose logins the throttle may lock without hindering the other tests. */
    private static final TestUser CASEY = new TestUser("casey", "pw-casey-" + System.nanoTime(), "VIEWER");

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        TestDatabase.registerFresh(registry);
        int index = TestUsers.CONFIGURED.size();
        registry.add("ledger.security.users[" + index + "].name", CASEY::name);
        registry.add("ledger.security.users[" + index + "].password",
                     () -> new BCryptPasswordEncoder(4).encode(CASEY.password()));
        registry.add("ledger.security.users[" + index + "].roles", CASEY::role);
    }

    @LocalServerPort
    private int port;

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private String newCoalition(String id) {
        Response formed = post("/api/coalitions", """
                {"coalition":"%s","name":"Security test","effectiveDate":"2020-01","source":%s}"""
                .formatted(id, SOURCE));
        assertThat(formed.status()).as(formed.text()).isEqualTo(201);
        return id;
    }

    @Test
    void recorderIsTheAuthenticatedUserNeverARequestField() {
        user = TestUsers.RECORDER;
        String id = newCoalition("c-recorder");
        Response joined = post("/api/coalitions/" + id + "/members",
                               "{\"party\":\"LV\",\"effectiveDate\":\"2021-03-04\",\"source\":" + SOURCE + "}");
        assertThat(joined.json().get("recordedBy").asText()).isEqualTo(TestUsers.RECORDER.name());
        assertThat(get("/api/coalitions/" + id + "/history").text())
                .contains("\"recordedBy\":\"" + TestUsers.RECORDER.name() + "\"");
        long before = storedEvents();
        Response forged = post("/api/coalitions/" + id + "/members", """
                {"party":"LT","effectiveDate":"2021-03-04","source":%s,"recordedBy":"someone-else"}"""
                .formatted(SOURCE));
        assertThat(forged.status()).isEqualTo(400);
        assertThat(forged.json().get("field").asText()).isEqualTo("recordedBy");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Autowired
    private ApplicationContext context;

    @Test
    void withoutTheOidcProfileNothingOfSingleSignOnIsLoaded() throws Exception {
        assertThat(context.getBeanNamesForType(SignOn.class)).isEmpty();
        assertThat(context.getBeanNamesForType(ClientRegistrationRepository.class)).isEmpty();
        assertThat(context.getBeanNamesForType(JwtDecoder.class)).isEmpty();
        assertThat(send(null, HttpMethod.GET, "/login", null, null).text()).doesNotContain("Sign in with");
        HttpResponse<String> start = CLIENT.send(HttpRequest.newBuilder(URI.create(url("/oauth2/authorization/oidc")))
                                                         .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(start.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        // a JWT-shaped Bearer token is no login at all
        Response bearer = sendAuthorized("Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln", "/api/coalitions");
        assertThat(bearer.status()).isEqualTo(401);
        assertThat(bearer.headers().getFirst("WWW-Authenticate")).startsWith("Basic");
    }

    private Response sendAuthorized(String authorization, String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.AUTHORIZATION, authorization);
        ResponseEntity<String> answer = http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
        return new Response(answer.getStatusCode().value(), answer.getBody(), JSON.nullNode(), answer.getHeaders());
    }

    @Test
    void wrongPasswordsAreThrottledPerUserAndLoggedWithoutThePassword(CapturedOutput output) {
        TestUser wrong = new TestUser(TestUsers.AUDITOR.name(), "not-the-password-x9", "AUDITOR");
        for (int i = 0; i < 3; i++) {
            assertThat(send(wrong, HttpMethod.GET, "/api/coalitions", null, null).status()).isEqualTo(401);
        }
        Response refused = send(TestUsers.AUDITOR, HttpMethod.GET, "/api/coalitions", null, null);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(Long.parseLong(refused.headers().getFirst("Retry-After"))).isBetween(1L, 300L);
        assertThat(refused.json().get("detail").asText()).contains("too many failed logins");
        assertThat(send(TestUsers.VIEWER, HttpMethod.GET, "/api/coalitions", null, null).status()).isEqualTo(200);
        assertThat(output.getAll()).contains("Failed login for user '" + TestUsers.AUDITOR.name() + "'")
                .contains("Login refused for user '" + TestUsers.AUDITOR.name() + "'")
                .doesNotContain("not-the-password-x9").doesNotContain(TestUsers.AUDITOR.password());
    }

    @Test
    void failedLoginsCountPerUserWhateverTheCaseOfTheName(CapturedOutput output) {
        for (String spelling : new String[]{"Casey", "cASEY", "CASEY"}) {
            TestUser wrong = new TestUser(spelling, "not-caseys-password", "VIEWER");
            assertThat(send(wrong, HttpMethod.GET, "/api/coalitions", null, null).status()).as(spelling)
                    .isEqualTo(401);
        }
        Response refused = send(CASEY, HttpMethod.GET, "/api/coalitions", null, null);
        assertThat(refused.status()).as("three failures of one user under three spellings").isEqualTo(429);
        assertThat(output.getAll()).contains("Failed login for user 'cASEY'")
                .contains("Login refused for user 'casey'");
    }

    @Test
    void aNameThatIsNoUsersIsLoggedOnlyAsUnknownUser(CapturedOutput output) {
        String typedIntoTheNameField = "Tr0ub4dor-" + System.nanoTime();
        TestUser mistaken = new TestUser(typedIntoTheNameField, "", "VIEWER");
        assertThat(send(mistaken, HttpMethod.GET, "/api/coalitions", null, null).status()).isEqualTo(401);
        assertThat(output.getAll()).containsPattern("Failed login for unknown user from [0-9a-f.:]+\\R")
                .doesNotContain(typedIntoTheNameField);
    }

    @Test
    void deniedRequestsAreLogged(CapturedOutput output) {
        assertThat(send(TestUsers.VIEWER, HttpMethod.POST, "/api/admin/rebuilds/history", "", "application/json")
                           .status()).isEqualTo(403);
        assertThat(output.getAll()).contains("Denied POST /api/admin/rebuilds/history to user '"
                                                     + TestUsers.VIEWER.name() + "'");
    }

    @Test
    void aWriteThatAnotherSitesFormCouldSendIsRefusedBeforeAnythingRuns() throws Exception {
        long before = storedEvents();
        for (String type : new String[]{"application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                "text/plain", null}) {
            Response rebuild = send(TestUsers.ADMIN, HttpMethod.POST, "/api/admin/rebuilds/history", "", type);
            assertThat(rebuild.status()).as(String.valueOf(type)).isEqualTo(415);
            assertThat(rebuild.json().get("detail").asText()).contains("application/json");
        }
        HttpResponse<String> crossSite = CLIENT.send(HttpRequest.newBuilder(URI.create(url("/api/coalitions")))
                        .header("Authorization", TestUsers.RECORDER.basic())
                        .header("Content-Type", "application/json").header("Sec-Fetch-Site", "cross-site")
                        .POST(HttpRequest.BodyPublishers.ofString("""
                                {"coalition":"c-cross-site","name":"x","effectiveDate":"2020","source":%s}"""
                                                                          .formatted(SOURCE))).build(),
                                                     HttpResponse.BodyHandlers.ofString());
        assertThat(crossSite.statusCode()).as(crossSite.body()).isEqualTo(403);
        assertThat(storedEvents()).isEqualTo(before);
        assertThat(get("/api/admin/rebuilds").text()).doesNotContain("\"history\"");
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        for (Response answer : new Response[]{get("/api/coalitions"), get("/api/coalitions/none"),
                send(null, HttpMethod.GET, "/api/coalitions", null, null),
                send(null, HttpMethod.GET, "/actuator/health", null, null)}) {
            assertThat(answer.headers().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(answer.headers().getFirst("X-Frame-Options")).isEqualTo("DENY");
            assertThat(answer.headers().getFirst("Cache-Control")).contains("no-store");
            assertThat(answer.headers().getFirst("Content-Security-Policy")).contains("frame-ancestors 'none'");
        }
    }

    @Test
    void anOversizedBodyIsRefusedWith413AndNothingIsWritten() {
        String id = newCoalition("c-size");
        long before = storedEvents();
        String notes = "x".repeat(5_000);
        Response big = post("/api/coalitions/" + id + "/members", """
                {"party":"LV","effectiveDate":"2021-03-04","source":%s,"notes":"%s"}""".formatted(SOURCE, notes));
        assertThat(big.status()).isEqualTo(413);
        assertThat(big.json().get("detail").asText()).contains("4096 bytes");
        Response bigImport = postLines("/api/import", ("{\"command\":\"JoinCoalition\",\"coalition\":\"" + id
                + "\",\"party\":\"LV\",\"effectiveDate\":\"2021-03-04\",\"source\":" + SOURCE + "}\n").repeat(200));
        assertThat(bigImport.status()).isEqualTo(413);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void anOversizedBodyOfUndeclaredLengthIsRefusedWhileItIsRead() throws Exception {
        String id = newCoalition("c-chunked");
        long before = storedEvents();
        byte[] body = ("{\"command\":\"JoinCoalition\",\"coalition\":\"" + id + "\",\"party\":\"LV\","
                + "\"effectiveDate\":\"2021-03-04\",\"source\":" + SOURCE + "}\n").repeat(200).getBytes();
        HttpResponse<String> answer = CLIENT.send(HttpRequest.newBuilder(URI.create(url("/api/import")))
                        .header("Authorization", TestUsers.RECORDER.basic())
                        .header("Content-Type", "application/x-ndjson")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                        .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(413);
        assertThat(answer.body()).contains("16384 bytes");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void oversizedCsvAndEvidenceAreRefusedWith413NamingTheLimitDeclaredOrNot() throws Exception {
        String id = newCoalition("c-csv-size");
        long before = storedEvents();
        long files = jdbc.queryForObject("select count(*) from evidence", Long.class);
        String csv = "command,coalition,party,effectiveDate,source.title\n"
                + ("JoinCoalition," + id + ",LV,2021-03-04,Minutes\n").repeat(600);
        byte[] evidence = new byte[8 * 1024 + 1];
        String[][] bodies = {{"/api/import", "text/csv", "16384"}, {"/api/evidence", "application/pdf", "8192"}};
        for (String[] at : bodies) {
            byte[] body = at[1].equals("text/csv") ? csv.getBytes() : evidence;
            for (boolean declared : new boolean[]{true, false}) {
                HttpRequest.BodyPublisher publisher = declared ? HttpRequest.BodyPublishers.ofByteArray(body)
                        : HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
                HttpResponse<String> answer = CLIENT.send(HttpRequest.newBuilder(URI.create(url(at[0])))
                                .header("Authorization", TestUsers.RECORDER.basic())
                                .header("Content-Type", at[1]).POST(publisher).build(),
                        HttpResponse.BodyHandlers.ofString());
                String what = at[0] + (declared ? " of declared length" : " chunked");
                assertThat(answer.statusCode()).as(what + ": " + answer.body()).isEqualTo(413);
                assertThat(answer.headers().firstValue("Content-Type").orElse("")).as(what)
                        .contains("application/problem+json");
                assertThat(answer.body()).as(what).contains(at[2] + " bytes");
            }
        }
        assertThat(storedEvents()).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from evidence", Long.class)).isEqualTo(files);
    }

    @Test
    void formLoginNeedsTheCsrfTokenAndAcceptsTheSameUsers() throws Exception {
        HttpResponse<String> page = CLIENT.send(HttpRequest.newBuilder(URI.create(url("/login"))).GET().build(),
                                                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        Matcher token = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page.body());
        assertThat(token.find()).as(page.body()).isTrue();

        String credentials = "username=" + TestUsers.VIEWER.name() + "&password=" + TestUsers.VIEWER.password();
        assertThat(form(credentials, cookie).statusCode()).isEqualTo(403);
        HttpResponse<String> wrong = form("username=" + TestUsers.VIEWER.name() + "&password=nope&_csrf="
                                                  + token.group(1), cookie);
        assertThat(wrong.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        HttpResponse<String> right = form(credentials + "&_csrf=" + token.group(1), cookie);
        assertThat(right.statusCode()).isEqualTo(302);
        assertThat(right.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
    }

    private HttpResponse<String> form(String body, String cookie) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(url("/login")))
                                   .header("Content-Type", "application/x-www-form-urlencoded")
                                   .header("Cookie", cookie)
                                   .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                           HttpResponse.BodyHandlers.ofString());
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
