package org.coalitionledger.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.coalitionledger.it.TestUsers.TestUser;
import org.coalitionledger.ui.PageSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Users in the database over HTTP: ADMIN creates, lists, changes, disables and resets users (never the last enabled
 * ADMIN); a one-time password allows nothing but choosing one's own, under the password rules; personal API tokens
 * (roles a subset of the user's, at most a year, shown once, stored as a hash) work as Bearer tokens until revoked; a
 * disabled user's session and tokens stop at once. Every change is an event sealed in the audit tree, with no
 * password, hash or token in it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UserAccountsHttpTest extends SharedLedgerHttpTest {

    /** Who records the users imported at start. */
    private static final String IMPORTED_BY = "ledger";

    @LocalServerPort
    private int port;

    /** A new user with these roles, created by the admin; answers them with their one-time password. */
    private TestUser created(String prefix, String... roles) {
        String name = uniqueId(prefix);
        Response made = send(TestUsers.ADMIN, HttpMethod.POST, "/api/admin/users",
                             "{\"name\":\"" + name + "\",\"roles\":" + JSON.valueToTree(List.of(roles)) + "}",
                             "application/json");
        assertThat(made.status()).as(made.text()).isEqualTo(201);
        assertThat(made.json().get("name").asText()).isEqualTo(name);
        assertThat(made.json().get("enabled").asBoolean()).isTrue();
        return new TestUser(name, made.json().get("oneTimePassword").asText(), roles[0]);
    }

    /** The user with a password of their own instead of the one-time one. */
    private TestUser withOwnPassword(TestUser user) {
        String own = "own-" + user.name() + "-passphrase";
        Response changed = send(user, HttpMethod.POST, "/api/users/me/password",
                                "{\"current\":\"" + user.password() + "\",\"new\":\"" + own + "\"}",
                                "application/json");
        assertThat(changed.status()).as(changed.text()).isEqualTo(204);
        return new TestUser(user.name(), own, user.role());
    }

    private Response asAdmin(HttpMethod method, String path, String json) {
        return send(TestUsers.ADMIN, method, path, json, json == null ? null : "application/json");
    }

    private Response bearer(HttpMethod method, String path, String token, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        if (json != null) {
            headers.setContentType(MediaType.APPLICATION_JSON);
        }
        ResponseEntity<String> answer = http.exchange(path, method, new HttpEntity<>(json, headers), String.class);
        JsonNode body;
        try {
            body = answer.getBody() == null ? JSON.nullNode() : JSON.readTree(answer.getBody());
        } catch (Exception e) {
            body = JSON.nullNode();
        }
        return new Response(answer.getStatusCode().value(), answer.getBody(), body, answer.getHeaders());
    }

    private Response issue(TestUser user, String name, String roles, Instant expiresAt) {
        return send(user, HttpMethod.POST, "/api/users/me/tokens", "{\"name\":\"" + name + "\",\"roles\":" + roles
                + ",\"expiresAt\":\"" + expiresAt + "\"}", "application/json");
    }

    private static Instant inDays(long days) {
        return Instant.now().plus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    }

    private static void refused(Response answer, int status, String field, String words) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(status);
        if (field != null) {
            assertThat(answer.json().get("field").asText()).as(answer.text()).isEqualTo(field);
        }
        assertThat(answer.json().get("detail").asText()).as(answer.text()).contains(words);
    }

    @Test
    void adminCreatesListsAndChangesUsersAndIsToldWhatIsWrong() {
        TestUser bob = created("bob", "VIEWER");
        assertThat(bob.password()).hasSizeGreaterThanOrEqualTo(12);
        JsonNode listed = null;
        for (JsonNode user : asAdmin(HttpMethod.GET, "/api/admin/users", null).json()) {
            if (user.get("name").asText().equals(bob.name())) {
                listed = user;
            }
            assertThat(user.has("passwordHash")).isFalse();
            assertThat(user.has("oneTimePassword") && user.get("oneTimePassword").isTextual()).isFalse();
        }
        assertThat(listed).isNotNull();
        assertThat(listed.get("roles").toString()).isEqualTo("[\"VIEWER\"]");
        assertThat(listed.get("oneTimePassword").asBoolean()).isTrue();

        Response changed = asAdmin(HttpMethod.PATCH, "/api/admin/users/" + bob.name(),
                                   "{\"roles\":[\"RECORDER\",\"VIEWER\"]}");
        assertThat(changed.status()).as(changed.text()).isEqualTo(200);
        assertThat(changed.json().get("roles").toString()).isEqualTo("[\"RECORDER\",\"VIEWER\"]");
        assertThat(changed.json().get("enabled").asBoolean()).isTrue();

        String body = "{\"name\":\"%s\",\"roles\":[\"%s\"]}";
        refused(asAdmin(HttpMethod.POST, "/api/admin/users", body.formatted(bob.name(), "VIEWER")),
                409, "name", "exists already");
        refused(asAdmin(HttpMethod.POST, "/api/admin/users", "{\"name\":\"no spaces\",\"roles\":[\"VIEWER\"]}"),
                400, "name", "1 to 64 characters");
        refused(asAdmin(HttpMethod.POST, "/api/admin/users", body.formatted(uniqueId("w"), "WIZARD")),
                400, "roles", "unknown role 'WIZARD'");
        refused(asAdmin(HttpMethod.POST, "/api/admin/users", "{\"name\":\"" + uniqueId("w") + "\",\"roles\":[]}"),
                400, "roles", "at least one");
        refused(asAdmin(HttpMethod.PATCH, "/api/admin/users/nobody-" + uniqueId("n"), "{\"enabled\":false}"),
                404, "user", "unknown user");
        refused(asAdmin(HttpMethod.POST, "/api/admin/users/nobody-" + uniqueId("n") + "/password-reset", ""),
                404, "user", "unknown user");
        refused(asAdmin(HttpMethod.PATCH, "/api/admin/users/" + bob.name(), "{}"), 400, "roles", "give roles");
    }

    @Test
    void nobodyDisablesOrDemotesTheLastEnabledAdmin() {
        TestUser boss = created("boss", "ADMIN");
        Response disabled = asAdmin(HttpMethod.PATCH, "/api/admin/users/" + boss.name(), "{\"enabled\":false}");
        assertThat(disabled.status()).as("another enabled ADMIN remains: " + disabled.text()).isEqualTo(200);

        List<String> admins = new ArrayList<>();
        for (JsonNode user : asAdmin(HttpMethod.GET, "/api/admin/users", null).json()) {
            if (user.get("enabled").asBoolean() && user.get("roles").toString().contains("ADMIN")) {
                admins.add(user.get("name").asText());
            }
        }
        assertThat(admins).as("the shared ledger's only enabled ADMIN").containsExactly(TestUsers.ADMIN.name());
        String ada = "/api/admin/users/" + TestUsers.ADMIN.name();
        refused(asAdmin(HttpMethod.PATCH, ada, "{\"enabled\":false}"), 409, "enabled", "last enabled ADMIN");
        refused(asAdmin(HttpMethod.PATCH, ada, "{\"roles\":[\"VIEWER\"]}"), 409, "roles", "last enabled ADMIN");
        assertThat(asAdmin(HttpMethod.GET, "/api/admin/users", null).status()).isEqualTo(200);
        Response same = asAdmin(HttpMethod.PATCH, ada, "{\"roles\":[\"ADMIN\"],\"enabled\":true}");
        assertThat(same.status()).as(same.text()).isEqualTo(200);
    }

    @Test
    void aOneTimePasswordAllowsNothingButChoosingAPasswordThatKeepsTheRules() {
        TestUser carol = created("carol", "RECORDER");
        refused(send(carol, HttpMethod.GET, "/api/coalitions", null, null), 403, null, "one-time password");
        refused(issue(carol, "ci", "[\"RECORDER\"]", inDays(10)), 403, null, "one-time password");

        String change = "{\"current\":\"%s\",\"new\":\"%s\"}";
        refused(send(carol, HttpMethod.POST, "/api/users/me/password", change.formatted(carol.password(), "short-pw"),
                     "application/json"), 400, "new", "at least 12 characters");
        refused(send(carol, HttpMethod.POST, "/api/users/me/password",
                     change.formatted(carol.password(), "Password1234"), "application/json"),
                400, "new", "common passwords");
        refused(send(carol, HttpMethod.POST, "/api/users/me/password",
                     change.formatted("not-the-password", "a-fine-new-passphrase"), "application/json"),
                400, "current", "not your password");
        refused(send(carol, HttpMethod.POST, "/api/users/me/password",
                     change.formatted(carol.password(), carol.password()), "application/json"),
                400, "new", "differ from the one-time password");
        refused(send(carol, HttpMethod.GET, "/api/coalitions", null, null), 403, null, "one-time password");

        TestUser own = withOwnPassword(carol);
        assertThat(send(own, HttpMethod.GET, "/api/coalitions", null, null).status()).isEqualTo(200);
        assertThat(send(carol, HttpMethod.GET, "/api/coalitions", null, null).status()).isEqualTo(401);

        Response reset = asAdmin(HttpMethod.POST, "/api/admin/users/" + carol.name() + "/password-reset", "");
        assertThat(reset.status()).as(reset.text()).isEqualTo(200);
        TestUser again = new TestUser(carol.name(), reset.json().get("oneTimePassword").asText(), "RECORDER");
        assertThat(send(own, HttpMethod.GET, "/api/coalitions", null, null).status()).isEqualTo(401);
        refused(send(again, HttpMethod.GET, "/api/coalitions", null, null), 403, null, "one-time password");
        assertThat(send(withOwnPassword(again), HttpMethod.GET, "/api/coalitions", null, null).status())
                .isEqualTo(200);
    }

    @Test
    void aTokenCarriesSomeOfItsUsersRolesUntilItIsRevoked() throws Exception {
        TestUser dan = withOwnPassword(created("dan", "RECORDER", "VIEWER"));
        refused(issue(dan, "too much", "[\"ADMIN\"]", inDays(10)), 400, "roles", "you do not hold [ADMIN]");
        refused(issue(dan, "too long", "[\"VIEWER\"]", inDays(400)), 400, "expiresAt", "at most one year ahead");
        refused(issue(dan, "past", "[\"VIEWER\"]", inDays(-1)), 400, "expiresAt", "in the future");
        refused(send(dan, HttpMethod.POST, "/api/users/me/tokens", "{\"name\":\"x\",\"roles\":[\"VIEWER\"],"
                + "\"expiresAt\":\"soon\"}", "application/json"), 400, "expiresAt", "neither an instant");

        Instant expiry = inDays(30);
        Response issued = issue(dan, "ci reader", "[\"VIEWER\"]", expiry);
        assertThat(issued.status()).as(issued.text()).isEqualTo(201);
        String token = issued.json().get("token").asText();
        String id = issued.json().get("id").asText();
        assertThat(token).startsWith("cl_");
        assertThat(issued.json().get("roles").toString()).isEqualTo("[\"VIEWER\"]");
        assertThat(Instant.parse(issued.json().get("expiresAt").asText())).isEqualTo(expiry);

        assertThat(bearer(HttpMethod.GET, "/api/coalitions", token, null).status()).isEqualTo(200);
        refused(bearer(HttpMethod.POST, "/api/coalitions", token, "{}"), 403, null, "your role does not allow");
        assertThat(bearer(HttpMethod.GET, "/api/coalitions", "cl_not-a-token", null).status()).isEqualTo(401);

        JsonNode listed = send(dan, HttpMethod.GET, "/api/users/me/tokens", null, null).json();
        assertThat(listed).hasSize(1);
        JsonNode entry = listed.get(0);
        assertThat(entry.get("id").asText()).isEqualTo(id);
        assertThat(entry.get("name").asText()).isEqualTo("ci reader");
        assertThat(entry.get("roles").toString()).isEqualTo("[\"VIEWER\"]");
        assertThat(entry.get("created").isNull()).isFalse();
        assertThat(entry.get("lastUsed").isNull()).as("used above").isFalse();
        assertThat(entry.has("token")).isFalse();
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                                                       .digest(token.getBytes(StandardCharsets.UTF_8)));
        List<Map<String, Object>> rows = jdbc.queryForList("select * from api_token where id = ?", id);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("TOKEN_HASH") == null ? rows.get(0).get("token_hash")
                           : rows.get(0).get("TOKEN_HASH")).isEqualTo(hash);
        assertThat(rows.get(0).values().toString()).doesNotContain(token);

        Response revoked = send(dan, HttpMethod.DELETE, "/api/users/me/tokens/" + id, null, null);
        assertThat(revoked.status()).as(revoked.text()).isEqualTo(204);
        refused(bearer(HttpMethod.GET, "/api/coalitions", token, null), 401, null, "revoked");

        String second = issue(dan, "second", "[\"RECORDER\"]", inDays(5)).json().get("id").asText();
        refused(send(dan, HttpMethod.DELETE, "/api/users/me/tokens/" + uniqueId("none"), null, null), 404, "id",
                "has no token");
        Response byAdmin = asAdmin(HttpMethod.DELETE, "/api/admin/users/" + dan.name() + "/tokens/" + second, null);
        assertThat(byAdmin.status()).as(byAdmin.text()).isEqualTo(204);
        assertThat(send(dan, HttpMethod.GET, "/api/users/me/tokens", null, null).json().get(1).get("revoked")
                           .asBoolean()).isTrue();
    }

    @Test
    void aDisabledUsersSessionAndTokensStopAtOnce() {
        TestUser eve = withOwnPassword(created("eve", "VIEWER"));
        String token = issue(eve, "script", "[\"VIEWER\"]", inDays(3)).json().get("token").asText();
        PageSession session = PageSession.of(eve, port);
        assertThat(session.get("/").statusCode()).isEqualTo(200);
        assertThat(bearer(HttpMethod.GET, "/api/coalitions", token, null).status()).isEqualTo(200);
        assertThat(send(eve, HttpMethod.GET, "/api/coalitions", null, null).status()).isEqualTo(200);

        Response disabled = asAdmin(HttpMethod.PATCH, "/api/admin/users/" + eve.name(), "{\"enabled\":false}");
        assertThat(disabled.status()).as(disabled.text()).isEqualTo(200);
        assertThat(disabled.json().get("enabled").asBoolean()).isFalse();

        assertThat(session.get("/").statusCode()).isEqualTo(401);
        refused(bearer(HttpMethod.GET, "/api/coalitions", token, null), 401, null, "disabled");
        assertThat(send(eve, HttpMethod.GET, "/api/coalitions", null, null).status()).isEqualTo(401);

        assertThat(asAdmin(HttpMethod.PATCH, "/api/admin/users/" + eve.name(), "{\"enabled\":true}").status())
                .isEqualTo(200);
        assertThat(send(eve, HttpMethod.GET, "/api/coalitions", null, null).status()).isEqualTo(200);
        assertThat(session.get("/").statusCode()).as("the session ended for good").isNotEqualTo(200);
    }

    @Test
    void aChangedRoleHoldsFromTheNextRequest() {
        TestUser fay = withOwnPassword(created("fay", "VIEWER", "RECORDER"));
        String token = issue(fay, "rec", "[\"RECORDER\"]", inDays(3)).json().get("token").asText();
        String coalition = "{\"coalition\":\"%s\",\"name\":\"Roles\",\"effectiveDate\":\"2020-01\",\"source\":%s}";
        assertThat(bearer(HttpMethod.POST, "/api/coalitions", token, coalition.formatted(uniqueId("fr"), SOURCE))
                           .status()).isEqualTo(201);
        asAdmin(HttpMethod.PATCH, "/api/admin/users/" + fay.name(), "{\"roles\":[\"VIEWER\"]}");
        refused(send(fay, HttpMethod.POST, "/api/coalitions", coalition.formatted(uniqueId("fr"), SOURCE),
                     "application/json"), 403, null, "your role does not allow");
        refused(bearer(HttpMethod.POST, "/api/coalitions", token, coalition.formatted(uniqueId("fr"), SOURCE)),
                403, null, "your role does not allow");
    }

    @Test
    void everyChangeIsSealedInTheAuditTreeWithoutAPasswordHashOrToken() throws Exception {
        long sealedBefore = checkpoint();
        TestUser gus = created("gus", "VIEWER");
        TestUser own = withOwnPassword(gus);
        asAdmin(HttpMethod.PATCH, "/api/admin/users/" + gus.name(), "{\"roles\":[\"VIEWER\",\"AUDITOR\"]}");
        String reset = asAdmin(HttpMethod.POST, "/api/admin/users/" + gus.name() + "/password-reset", "")
                .json().get("oneTimePassword").asText();
        TestUser last = withOwnPassword(new TestUser(gus.name(), reset, "VIEWER"));
        Response issued = issue(last, "audit", "[\"AUDITOR\"]", inDays(7));
        String token = issued.json().get("token").asText();
        send(last, HttpMethod.DELETE, "/api/users/me/tokens/" + issued.json().get("id").asText(), null, null);
        asAdmin(HttpMethod.PATCH, "/api/admin/users/" + gus.name(), "{\"enabled\":false}");

        List<String> kinds = new ArrayList<>();
        List<String> stored = new ArrayList<>();
        jdbc.query("select payload_type, payload, meta_data, type from domain_event_entry"
                           + " where aggregate_identifier = ? order by sequence_number", row -> {
            kinds.add(row.getString(1).replaceFirst(".*\\.", ""));
            assertThat(row.getString(4)).isEqualTo("UserAccount");
            stored.add(new String(row.getBytes(2), StandardCharsets.UTF_8));
            String meta = new String(row.getBytes(3), StandardCharsets.UTF_8);
            stored.add(meta);
            assertThat(meta).containsAnyOf("\"recordedBy\":\"" + TestUsers.ADMIN.name() + "\"",
                                           "\"recordedBy\":\"" + gus.name() + "\"");
        }, "user:" + gus.name());
        assertThat(kinds).containsExactly("UserCreated", "PasswordChanged", "UserRolesChanged",
                                          "OneTimePasswordIssued", "PasswordChanged", "ApiTokenIssued",
                                          "ApiTokenRevoked", "UserDisabled");
        String hash = jdbc.queryForObject("select password_hash from ledger_user where name = ?", String.class,
                                          gus.name());
        String tokenHash = jdbc.queryForObject("select token_hash from api_token where user_name = ?", String.class,
                                               gus.name());
        for (String secret : List.of(gus.password(), own.password(), reset, last.password(), hash, tokenHash,
                                     token, "$2a$")) {
            assertThat(stored).allSatisfy(text -> assertThat(text).doesNotContain(secret));
        }

        long sealedAfter = checkpoint();
        assertThat(sealedAfter).isGreaterThanOrEqualTo(sealedBefore + kinds.size());
        JsonNode verified = asAdmin(HttpMethod.GET, "/api/audit/verify", null).json();
        assertThat(verified.get("status").asText()).as(verified.toString()).isEqualTo("ok");
        Long leaves = jdbc.queryForObject("select count(*) from audit_leaf l join domain_event_entry e"
                                                  + " on e.event_identifier = l.event_identifier"
                                                  + " where e.aggregate_identifier = ?", Long.class,
                                          "user:" + gus.name());
        assertThat(leaves).isEqualTo(kinds.size());

        PageSession auditor = PageSession.of(TestUsers.ADMIN, port);
        String page = auditor.get("/audit").body();
        assertThat(page).contains("Users and tokens", gus.name(), "UserRolesChanged", "[VIEWER] → [AUDITOR, VIEWER]");
        assertThat(asAdmin(HttpMethod.GET, "/api/export", null).text()).doesNotContain(gus.name());
    }

    @Test
    void theUsersImportedByTheFirstStartAreRecordedOnceAndListedOnTheAuditPage() {
        checkpoint();
        String page = PageSession.of(TestUsers.AUDITOR, port).get("/audit?recordedBy=" + IMPORTED_BY).body();
        String section = page.substring(page.indexOf("id=\"user-events\""));
        java.util.regex.Matcher rows = java.util.regex.Pattern.compile(
                "<td[^>]*>(\\w+)</td>\\s*<td[^>]*>([^<]*)</td>\\s*<td[^>]*>([^<]*)</td>\\s*</tr>").matcher(section);
        List<String> listed = new ArrayList<>();
        while (rows.find()) {
            listed.add(rows.group(1) + " " + rows.group(2) + ": " + rows.group(3));
        }
        List<String> expected = new ArrayList<>();
        for (TestUser user : TestUsers.CONFIGURED) {
            expected.add("UserCreated " + user.name() + ": roles [" + user.role() + "], from configuration");
            List<String> stored = jdbc.query(
                    "select e.meta_data from domain_event_entry e join audit_leaf l"
                            + " on l.event_identifier = e.event_identifier where e.aggregate_identifier = ?"
                            + " and e.payload_type like '%.UserCreated'",
                    (row, i) -> new String(row.getBytes(1), StandardCharsets.UTF_8), "user:" + user.name());
            assertThat(stored).as(user.name() + ": one UserCreated, sealed").hasSize(1);
            assertThat(stored.get(0)).contains("\"recordedBy\":\"" + IMPORTED_BY + "\"",
                                               "\"channel\":\"configuration\"");
        }
        assertThat(listed).as("recorded by '" + IMPORTED_BY + "': the import of the configured users only")
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void theUsersPageCreatesAUserWhoMustFirstChooseAPassword() {
        PageSession admin = PageSession.of(TestUsers.ADMIN, port);
        assertThat(admin.get("/admin/users").body()).contains("Create a user", TestUsers.ADMIN.name());
        String name = uniqueId("page");
        HttpResponse<String> made = admin.post("/admin/users", admin.token("/admin/users"),
                                               Map.of("name", name, "roles", "VIEWER"));
        assertThat(made.statusCode()).isEqualTo(200);
        java.util.regex.Matcher password = java.util.regex.Pattern.compile("<code>([^<]+)</code>")
                .matcher(made.body());
        assertThat(password.find()).as(made.body()).isTrue();
        HttpResponse<String> duplicate = admin.post("/admin/users", admin.token("/admin/users"),
                                                    Map.of("name", name, "roles", "VIEWER"));
        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(duplicate.body()).contains("exists already");

        TestUser newcomer = new TestUser(name, password.group(1), "VIEWER");
        PageSession session = PageSession.of(newcomer, port);
        HttpResponse<String> home = session.get("/");
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location").orElse("")).endsWith("/account/password");
        assertThat(session.get("/account/password").body()).contains("one-time password");
        HttpResponse<String> weak = session.post("/account/password", session.token("/account/password"),
                                                 Map.of("current", newcomer.password(), "new", "too-short",
                                                        "confirm", "too-short"));
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(weak.body()).contains("at least 12 characters");
        String chosen = "a-page-chosen-passphrase";
        HttpResponse<String> changed = session.post("/account/password", session.token("/account/password"),
                                                    Map.of("current", newcomer.password(), "new", chosen,
                                                           "confirm", chosen));
        assertThat(changed.statusCode()).isEqualTo(302);
        assertThat(session.get("/").statusCode()).as("the session that changed it goes on").isEqualTo(200);
        assertThat(send(new TestUser(name, chosen, "VIEWER"), HttpMethod.GET, "/api/coalitions", null, null)
                           .status()).isEqualTo(200);

        HttpResponse<String> disabled = admin.post("/admin/users/" + name + "/enabled", admin.token("/admin/users"),
                                                   Map.of("enabled", "false"));
        assertThat(disabled.statusCode()).isEqualTo(302);
        assertThat(session.get("/").statusCode()).isEqualTo(401);
    }

    private long checkpoint() {
        Response made = asAdmin(HttpMethod.POST, "/api/audit/checkpoints", "");
        assertThat(made.status()).as(made.text()).isEqualTo(201);
        return made.json().get("treeSize").asLong();
    }
}
