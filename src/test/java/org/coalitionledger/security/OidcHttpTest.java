package org.coalitionledger.security;

import com.nimbusds.jwt.JWTClaimsSet;
import org.coalitionledger.it.OidcLedgerHttpTest;
import org.coalitionledger.it.TestOidcProvider;
import org.coalitionledger.it.TestUsers;
import org.coalitionledger.ui.PageSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Single sign-on under the {@code oidc} profile, against the OpenID Connect provider inside the tests: its Bearer
 * JWTs on the API with the roles of their claim, refused when forged, expired, from another issuer or without a
 * ledger role; the ledger's own users beside it; the login page's link to it; logging out of the pages at the
 * provider too (RP-initiated logout) for its users, and as before for the ledger's own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OidcHttpTest extends OidcLedgerHttpTest {

    private static final String COALITIONS = "/api/coalitions";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @LocalServerPort
    private int port;

    @Test
    void aViewerTokenReadsAndMayNotRecord() {
        String token = TestOidcProvider.accessToken(TestOidcProvider.VIEWER_CLIENT);
        assertThat(bearer(token, HttpMethod.GET, COALITIONS, null).getStatusCode().value()).isEqualTo(200);
        ResponseEntity<String> refused = bearer(token, HttpMethod.POST, COALITIONS, coalition("oidc-viewer"));
        assertThat(refused.getStatusCode().value()).isEqualTo(403);
        assertThat(refused.getBody()).contains("your role does not allow POST /api/coalitions");
    }

    @Test
    void aRecorderTokenRecordsUnderTheTokensName() {
        String token = TestOidcProvider.accessToken(TestOidcProvider.RECORDER_CLIENT);
        ResponseEntity<String> formed = bearer(token, HttpMethod.POST, COALITIONS, coalition("oidc-recorder"));
        assertThat(formed.getStatusCode().value()).as(formed.getBody()).isEqualTo(201);
        assertThat(formed.getBody()).contains("\"recordedBy\":\"" + TestOidcProvider.RECORDER_CLIENT + "\"");
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                                       Long.class, "oidc-recorder")).isEqualTo(1);
    }

    @Test
    void aTokenWithoutALedgerRoleIsForbiddenSayingSo() {
        String token = TestOidcProvider.accessToken(TestOidcProvider.ROLELESS_CLIENT);
        ResponseEntity<String> refused = bearer(token, HttpMethod.GET, COALITIONS, null);
        assertThat(refused.getStatusCode().value()).isEqualTo(403);
        assertThat(refused.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(refused.getBody()).contains("holds no role of the ledger in its claim 'roles'");
    }

    @Test
    void forgedExpiredAndForeignTokensAreRefused() {
        Instant now = Instant.now();
        JWTClaimsSet viewer = claims(TestOidcProvider.issuer(), now.plusSeconds(300));
        // the same claims signed by the provider are accepted: the refusals below are for what differs
        assertThat(bearer(TestOidcProvider.signed(viewer), HttpMethod.GET, COALITIONS, null).getStatusCode()
                           .value()).isEqualTo(200);

        ResponseEntity<String> forged = bearer(TestOidcProvider.forged(viewer), HttpMethod.GET, COALITIONS, null);
        assertThat(forged.getStatusCode().value()).isEqualTo(401);
        assertThat(forged.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
        assertThat(forged.getBody()).contains("the bearer token is not accepted");

        String foreign = TestOidcProvider.signed(claims("https://sso.example.org/realms/other", now.plusSeconds(300)));
        ResponseEntity<String> fromElsewhere = bearer(foreign, HttpMethod.GET, COALITIONS, null);
        assertThat(fromElsewhere.getStatusCode().value()).isEqualTo(401);
        assertThat(fromElsewhere.getBody()).contains("iss");

        String expired = TestOidcProvider.signed(claims(TestOidcProvider.issuer(), now.minusSeconds(600)));
        ResponseEntity<String> late = bearer(expired, HttpMethod.GET, COALITIONS, null);
        assertThat(late.getStatusCode().value()).isEqualTo(401);
        assertThat(late.getBody()).contains("expired");

        assertThat(bearer("not-a-jwt", HttpMethod.GET, COALITIONS, null).getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void theLedgersOwnUsersLogInBesideIt() {
        user = TestUsers.VIEWER;
        assertThat(get(COALITIONS).status()).isEqualTo(200);
        assertThat(send(null, HttpMethod.GET, COALITIONS, null, null).status()).isEqualTo(401);
    }

    @Test
    void theLoginPageLinksToTheProvider() {
        Response login = send(null, HttpMethod.GET, "/login", null, null);
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.text()).contains("href=\"/oauth2/authorization/oidc\"", "Sign in with " + PROVIDER_NAME);
    }

    @Test
    void aUserSignedInAtTheProviderSeesThePagesWithTheRolesOfTheClaim() throws Exception {
        Browsing ledger = new Browsing();
        HttpResponse<String> back = signIn(ledger, TestOidcProvider.RECORDER_USER);
        assertThat(back.statusCode()).as(back.body()).isEqualTo(302);
        assertThat(back.headers().firstValue("Location").orElseThrow()).doesNotContain("/login");
        HttpResponse<String> overview = ledger.get(ledgerUrl("/"));
        assertThat(overview.statusCode()).isEqualTo(200);
        assertThat(overview.body()).contains("Signed in as <strong>" + TestOidcProvider.RECORDER_USER + "</strong>");
        // RECORDER: the record forms open; the audit pages do not
        assertThat(ledger.get(ledgerUrl("/record/coalition")).statusCode()).isEqualTo(200);
        assertThat(ledger.get(ledgerUrl("/audit")).statusCode()).isEqualTo(403);
    }

    @Test
    void aUserWithoutALedgerRoleIsRefusedWithAPageSayingSo() throws Exception {
        Browsing ledger = new Browsing();
        HttpResponse<String> refused = signIn(ledger, TestOidcProvider.ROLELESS_USER);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("id=\"sign-on-error\"", "holds no role in the ledger (claim roles)");
        assertThat(ledger.get(ledgerUrl("/")).headers().firstValue("Location").orElse("")).endsWith("/login");
    }

    @Test
    void loggingOutOfTheLedgerEndsTheProvidersSessionToo() throws Exception {
        String loggedOut = ledgerUrl("/login?logout");
        TestOidcProvider.allowReturnAfterLogout(loggedOut);
        Browsing provider = new Browsing();
        Browsing ledger = new Browsing();
        assertThat(signIn(ledger, provider, TestOidcProvider.RECORDER_USER).statusCode()).isEqualTo(302);
        // while the provider's session lives, a new sign-in goes straight back to the ledger, asking nothing
        String again = provider.get(authorization(new Browsing())).headers().firstValue("Location").orElseThrow();
        assertThat(again).startsWith(ledgerUrl("/login/oauth2/code/oidc?code="));

        HttpResponse<String> overview = ledger.get(ledgerUrl("/"));
        Matcher csrf = CSRF.matcher(overview.body());
        assertThat(csrf.find()).as(overview.body()).isTrue();
        HttpResponse<String> out = ledger.post(ledgerUrl("/logout"), "_csrf=" + csrf.group(1));
        assertThat(out.statusCode()).isEqualTo(302);
        String endSession = out.headers().firstValue("Location").orElseThrow();
        assertThat(endSession).startsWith(TestOidcProvider.issuer() + "/connect/logout?");
        assertThat(URLDecoder.decode(endSession, StandardCharsets.UTF_8))
                .contains("id_token_hint=ey", "post_logout_redirect_uri=" + loggedOut);
        assertThat(ledger.get(ledgerUrl("/")).headers().firstValue("Location").orElse(""))
                .as("the ledger's session has ended").endsWith("/login");

        HttpResponse<String> atProvider = provider.get(endSession);
        assertThat(atProvider.statusCode()).as(atProvider.body()).isEqualTo(302);
        assertThat(atProvider.headers().firstValue("Location").orElseThrow()).startsWith(loggedOut);
        assertThat(ledger.get(loggedOut).body()).contains("You have logged out.");
        // the provider's session has ended too: signing in again asks for the password
        assertThat(provider.get(authorization(new Browsing())).headers().firstValue("Location").orElseThrow())
                .endsWith("/login");
    }

    @Test
    void aPasswordUsersLogoutEndsTheLedgersSessionAsBefore() {
        PageSession session = PageSession.of(TestUsers.VIEWER, port);
        assertThat(session.get("/").statusCode()).isEqualTo(200);
        HttpResponse<String> out = session.post("/logout", session.token("/"), Map.of());
        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(out.headers().firstValue("Location").orElseThrow()).endsWith("/login?logout")
                .doesNotContain(TestOidcProvider.issuer());
        assertThat(session.get("/").headers().firstValue("Location").orElse("")).endsWith("/login");
    }

    /** Where the ledger's link to the provider leads a browser: the provider's authorization endpoint. */
    private String authorization(Browsing ledger) throws Exception {
        HttpResponse<String> start = ledger.get(ledgerUrl("/oauth2/authorization/oidc"));
        assertThat(start.statusCode()).isEqualTo(302);
        String authorize = start.headers().firstValue("Location").orElseThrow();
        assertThat(authorize).startsWith(TestOidcProvider.issuer() + "/oauth2/authorize?")
                .contains("client_id=" + TestOidcProvider.CLIENT_ID, "scope=openid", "state=");
        return authorize;
    }

    private HttpResponse<String> signIn(Browsing ledger, String name) throws Exception {
        return signIn(ledger, new Browsing(), name);
    }

    /**
     * The authorization code flow as a browser goes through it: from the ledger's link to the provider's login form,
     * and back with the code; the answer of the ledger to that. {@code provider} holds the provider's cookies.
     */
    private HttpResponse<String> signIn(Browsing ledger, Browsing provider, String name) throws Exception {
        String authorize = authorization(ledger);
        assertThat(provider.get(authorize).headers().firstValue("Location").orElseThrow()).endsWith("/login");
        HttpResponse<String> form = provider.get(TestOidcProvider.issuer() + "/login");
        Matcher csrf = CSRF.matcher(form.body());
        assertThat(csrf.find()).as(form.body()).isTrue();
        HttpResponse<String> loggedIn = provider.post(TestOidcProvider.issuer() + "/login", "username=" + name
                + "&password=" + TestOidcProvider.PASSWORD + "&_csrf=" + csrf.group(1));
        assertThat(loggedIn.headers().firstValue("Location").orElseThrow()).contains("/oauth2/authorize");
        HttpResponse<String> code = provider.get(loggedIn.headers().firstValue("Location").orElseThrow());
        String callback = code.headers().firstValue("Location").orElseThrow();
        assertThat(callback).startsWith(ledgerUrl("/login/oauth2/code/oidc?code="));
        return ledger.get(callback);
    }

    private String ledgerUrl(String path) {
        // 127.0.0.1, not localhost: the provider's session cookie is kept for localhost
        return "http://127.0.0.1:" + port + path;
    }

    /** A browser's cookies and requests, without following redirects. */
    private static final class Browsing {

        private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(String url) throws Exception {
            return client.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").GET().build(),
                               HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String url, String form) throws Exception {
            return client.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html")
                                       .header("Content-Type", "application/x-www-form-urlencoded")
                                       .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                               HttpResponse.BodyHandlers.ofString());
        }
    }

    private ResponseEntity<String> bearer(String token, HttpMethod method, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        if (json != null) {
            headers.setContentType(MediaType.APPLICATION_JSON);
        }
        return http.exchange(path, method, new HttpEntity<>(json, headers), String.class);
    }

    private static String coalition(String id) {
        return """
                {"coalition":"%s","name":"Signed on","effectiveDate":"2020-01","source":%s}""".formatted(id, SOURCE);
    }

    private static JWTClaimsSet claims(String issuer, Instant expires) {
        return new JWTClaimsSet.Builder().issuer(issuer).subject("someone").claim("roles", List.of("VIEWER"))
                .issueTime(Date.from(expires.minusSeconds(900))).expirationTime(Date.from(expires)).build();
    }
}
