package org.coalitionledger.security;

import com.fasterxml.jackson.databind.JsonNode;
import org.coalitionledger.it.SharedLedgerHttpTest;
import org.coalitionledger.it.TestUsers;
import org.coalitionledger.it.TestUsers.TestUser;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every endpoint, called anonymously and as each role: 401 without credentials, 403 for a role that may not, and a
 * 2xx for each role that may. Each allowed call gets its own freshly prepared target, so a 2xx is a real success
 * and not an accident of state. The list must name every API endpoint the application maps.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccessMatrixTest extends SharedLedgerHttpTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private static final Set<String> READERS = Set.of("VIEWER", "RECORDER", "AUDITOR", "ADMIN");
    private static final Set<String> RECORDERS = Set.of("RECORDER", "ADMIN");
    private static final Set<String> AUDITORS = Set.of("AUDITOR", "ADMIN");
    private static final Set<String> ADMINS = Set.of("ADMIN");

    /** A request ready to send. */
    private record Call(String path, String body, String contentType) {
    }

    /** An endpoint, the roles that may call it, and how to prepare one call that should succeed. */
    private record Endpoint(HttpMethod method, String pattern, Set<String> roles, Supplier<Call> prepare) {
    }

    private List<Endpoint> endpoints() {
        List<Endpoint> all = new ArrayList<>();
        String it = "/api/coalitions/access-it";
        String agreement = "/api/agreements/access-it-cooperation-agreement";
        read(all, "/api/coalitions", "/api/coalitions");
        read(all, "/api/coalitions/{coalition}", it);
        read(all, "/api/coalitions/{coalition}/members", it + "/members?asOf=2024-06-01");
        read(all, "/api/coalitions/{coalition}/timeline", it + "/timeline");
        read(all, "/api/coalitions/{coalition}/history", it + "/history");
        read(all, "/api/agreements", "/api/agreements");
        read(all, "/api/agreements/{agreement}/commitments", agreement + "/commitments");
        read(all, "/api/agreements/{agreement}/parties", agreement + "/parties?asOf=2024-06-01");
        read(all, "/api/commitments", "/api/commitments?endingWithin=P3650D");
        read(all, "/api/parties/{code}", "/api/parties/EE");
        all.add(new Endpoint(HttpMethod.GET, "/api/export", AUDITORS, () -> new Call("/api/export", null, null)));
        all.add(new Endpoint(HttpMethod.GET, "/api/admin/backup", ADMINS,
                             () -> new Call("/api/admin/backup", null, null)));
        all.add(new Endpoint(HttpMethod.GET, "/api/import", RECORDERS, () -> new Call("/api/import", null, null)));
        all.add(new Endpoint(HttpMethod.GET, "/api/import/{id}", RECORDERS, () -> new Call(
                "/api/import/" + get("/api/import").json().get(0).get("id").asText(), null, null)));
        all.add(new Endpoint(HttpMethod.GET, "/api/admin/rebuilds", ADMINS,
                             () -> new Call("/api/admin/rebuilds", null, null)));
        List<String> groups = List.of("membership", "commitments", "history");
        all.add(new Endpoint(HttpMethod.POST, "/api/admin/rebuilds/{group}", ADMINS, () -> new Call(
                "/api/admin/rebuilds/" + groups.get(SEQUENCE.incrementAndGet() % groups.size()), "",
                "application/json")));

        all.add(new Endpoint(HttpMethod.POST, "/api/coalitions", RECORDERS, () -> json("/api/coalitions", """
                {"coalition":"%s","name":"Matrix","effectiveDate":"2020-01","source":%s}"""
                .formatted(fresh("c"), SOURCE))));
        all.add(partyAct("members", () -> newCoalition(), "LV", "2021-03-04"));
        all.add(partyAct("intents", () -> newCoalition(), "GB", "2021-03-04"));
        all.add(partyAct("leads", () -> joined(newCoalition(), "EE"), "EE", "2021-03-04"));
        all.add(partyAct("departures", () -> joined(newCoalition(), "DK"), "DK", "2022-03-04"));
        all.add(partyAct("suspensions", () -> joined(newCoalition(), "HU"), "HU", "2022-03-04"));
        all.add(partyAct("reinstatements", () -> suspended(joined(newCoalition(), "HU"), "HU"), "HU", "2022-09-04"));
        all.add(partyAct("observers", () -> newCoalition(), "NO", "2021-03-04"));
        all.add(new Endpoint(HttpMethod.POST, "/api/agreements", RECORDERS, () -> json("/api/agreements", """
                {"agreement":"%s","coalition":"%s","title":"Matrix agreement","commitmentTerm":"P6Y",
                 "effectiveDate":"2021-01","source":%s}""".formatted(fresh("a"), newCoalition(), SOURCE))));
        all.add(new Endpoint(HttpMethod.POST, "/api/agreements/{agreement}/signatures", RECORDERS, () -> json(
                "/api/agreements/" + newAgreement() + "/signatures",
                "{\"party\":\"EE\",\"effectiveDate\":\"2021-02-01\",\"source\":" + SOURCE + "}")));
        all.add(new Endpoint(HttpMethod.POST, "/api/agreements/{agreement}/withdrawals", RECORDERS, () -> {
            String id = newAgreement();
            created(post("/api/agreements/" + id + "/signatures",
                         "{\"party\":\"EE\",\"effectiveDate\":\"2021-02-01\",\"source\":" + SOURCE + "}"));
            return json("/api/agreements/" + id + "/withdrawals",
                        "{\"party\":\"EE\",\"effectiveDate\":\"2022-02-01\",\"source\":" + SOURCE + "}");
        }));
        all.add(new Endpoint(HttpMethod.POST, "/api/agreements/{agreement}/consents", RECORDERS, () -> {
            String id = signed(newAgreement(), "EE");
            return json("/api/agreements/" + id + "/consents", "{\"party\":\"EE\",\"effectiveDate\":\"2021-03-01\","
                    + "\"means\":\"RATIFICATION\",\"source\":" + SOURCE + "}");
        }));
        all.add(new Endpoint(HttpMethod.POST, "/api/agreements/{agreement}/entry-into-force", RECORDERS, () -> json(
                "/api/agreements/" + newAgreement() + "/entry-into-force",
                "{\"effectiveDate\":\"2021-06-01\",\"source\":" + SOURCE + "}")));
        all.add(new Endpoint(HttpMethod.POST, "/api/agreements/{agreement}/withdrawal-notices", RECORDERS, () -> {
            String id = signed(newAgreement(), "EE");
            return json("/api/agreements/" + id + "/withdrawal-notices", "{\"party\":\"EE\","
                    + "\"effectiveDate\":\"2022-01-01\",\"takesEffect\":\"2022-07-01\",\"source\":" + SOURCE + "}");
        }));
        all.add(new Endpoint(HttpMethod.POST, "/api/records/{recordId}/correction", RECORDERS, () -> json(
                "/api/records/" + joinRecord() + "/correction",
                "{\"effectiveDate\":\"2021-05-06\",\"reason\":\"the day was wrong\",\"source\":" + SOURCE + "}")));
        all.add(new Endpoint(HttpMethod.POST, "/api/records/{recordId}/retraction", RECORDERS, () -> json(
                "/api/records/" + joinRecord() + "/retraction",
                "{\"reason\":\"misreported\",\"source\":" + SOURCE + "}")));
        all.add(new Endpoint(HttpMethod.POST, "/api/import", RECORDERS, () -> new Call("/api/import", """
                {"command":"FormCoalition","coalition":"%s","name":"Imported","effectiveDate":"2020","source":%s}
                """.formatted(fresh("i"), SOURCE), "application/x-ndjson")));
        all.add(new Endpoint(HttpMethod.POST, "/api/evidence", RECORDERS, () -> new Call(
                "/api/evidence?filename=matrix.pdf", "%PDF-1.4 matrix " + SEQUENCE.incrementAndGet(),
                "application/pdf")));
        all.add(new Endpoint(HttpMethod.GET, "/api/evidence/{sha256}", READERS,
                             () -> new Call("/api/evidence/" + evidence(), null, null)));
        all.add(new Endpoint(HttpMethod.POST, "/api/reviews", AUDITORS, () -> json("/api/reviews", """
                {"coalition":"access-it","checkpoint":%d,"title":"Matrix review"}""".formatted(checkpoint()))));
        all.add(new Endpoint(HttpMethod.POST, "/api/reviews/{review}/findings", AUDITORS, () -> {
            String act = joinedByRecorder();
            return json("/api/reviews/" + review(TestUsers.AUDITOR) + "/findings",
                        "{\"recordId\":\"" + act + "\",\"verdict\":\"CONFIRMED\"}");
        }));
        all.add(new Endpoint(HttpMethod.POST, "/api/reviews/{review}/completion", AUDITORS, () -> json(
                "/api/reviews/" + review(preparingFor != null && AUDITORS.contains(preparingFor.role())
                                                 ? preparingFor : TestUsers.AUDITOR) + "/completion", "")));
        all.add(new Endpoint(HttpMethod.GET, "/api/reviews/{review}", READERS,
                             () -> new Call("/api/reviews/" + review(TestUsers.AUDITOR), null, null)));
        read(all, "/api/coalitions/{coalition}/review-status", it + "/review-status");
        all.add(audit(HttpMethod.GET, "/api/audit/public-key", () -> "/api/audit/public-key"));
        all.add(audit(HttpMethod.GET, "/api/audit/checkpoints", () -> "/api/audit/checkpoints"));
        all.add(audit(HttpMethod.POST, "/api/audit/checkpoints", () -> "/api/audit/checkpoints"));
        all.add(audit(HttpMethod.GET, "/api/audit/verify", () -> "/api/audit/verify"));
        all.add(audit(HttpMethod.GET, "/api/audit/proof/{recordId}", () -> {
            String record = joinRecord();
            checkpoint();
            return "/api/audit/proof/" + record;
        }));
        all.add(audit(HttpMethod.GET, "/api/audit/consistency", () -> {
            long from = checkpoint();
            joinRecord();
            return "/api/audit/consistency?from=" + from + "&to=" + checkpoint();
        }));
        all.add(audit(HttpMethod.GET, "/api/audit/bundle", () -> "/api/audit/bundle"));
        all.add(audit(HttpMethod.GET, "/api/audit/report",
                      () -> "/api/audit/report?coalition=access-it&from=2024-01-01&to=2024-12-31"));
        users(all);
        return all;
    }

    /** The users (ADMIN) and one's own password and tokens (every role that reads). */
    private void users(List<Endpoint> all) {
        all.add(new Endpoint(HttpMethod.GET, "/api/admin/users", ADMINS,
                             () -> new Call("/api/admin/users", null, null)));
        all.add(new Endpoint(HttpMethod.POST, "/api/admin/users", ADMINS, () -> json(
                "/api/admin/users", "{\"name\":\"" + fresh("u") + "\",\"roles\":[\"VIEWER\"]}")));
        all.add(new Endpoint(HttpMethod.PATCH, "/api/admin/users/{name}", ADMINS, () -> json(
                "/api/admin/users/" + newUser().name(), "{\"roles\":[\"VIEWER\",\"RECORDER\"]}")));
        all.add(new Endpoint(HttpMethod.POST, "/api/admin/users/{name}/password-reset", ADMINS, () -> json(
                "/api/admin/users/" + newUser().name() + "/password-reset", "")));
        all.add(new Endpoint(HttpMethod.DELETE, "/api/admin/users/{name}/tokens/{id}", ADMINS, () -> {
            TestUser owner = ownPassword(newUser());
            return new Call("/api/admin/users/" + owner.name() + "/tokens/" + token(owner), null, null);
        }));
        // the same password again: allowed to a user without a one-time password, and it changes nothing
        all.add(new Endpoint(HttpMethod.POST, "/api/users/me/password", READERS, () -> json(
                "/api/users/me/password", preparingFor == null ? "{\"current\":\"x\",\"new\":\"y\"}"
                        : "{\"current\":\"%1$s\",\"new\":\"%1$s\"}".formatted(preparingFor.password()))));
        all.add(new Endpoint(HttpMethod.GET, "/api/users/me/tokens", READERS,
                             () -> new Call("/api/users/me/tokens", null, null)));
        all.add(new Endpoint(HttpMethod.POST, "/api/users/me/tokens", READERS, () -> json(
                "/api/users/me/tokens", tokenBody(tokenHolder()))));
        all.add(new Endpoint(HttpMethod.DELETE, "/api/users/me/tokens/{id}", READERS,
                             () -> new Call("/api/users/me/tokens/" + token(tokenHolder()), null, null)));
    }

    /** Whom a token is prepared for: the caller when they may have one, else the admin. */
    private TestUser tokenHolder() {
        return preparingFor != null && READERS.contains(preparingFor.role()) ? preparingFor : TestUsers.ADMIN;
    }

    private static String tokenBody(TestUser holder) {
        return "{\"name\":\"matrix\",\"roles\":[\"" + holder.role() + "\"],\"expiresAt\":\""
                + java.time.Instant.now().plus(Duration.ofDays(30)) + "\"}";
    }

    /** A token of the holder's, issued now; answers its id. */
    private String token(TestUser holder) {
        return created(send(holder, HttpMethod.POST, "/api/users/me/tokens", tokenBody(holder), "application/json"))
                .json().get("id").asText();
    }

    /** A user created by the admin now, with their one-time password. */
    private TestUser newUser() {
        Response made = created(send(TestUsers.ADMIN, HttpMethod.POST, "/api/admin/users",
                                     "{\"name\":\"" + fresh("u") + "\",\"roles\":[\"VIEWER\"]}",
                                     "application/json"));
        return new TestUser(made.json().get("name").asText(), made.json().get("oneTimePassword").asText(),
                            "VIEWER");
    }

    /** The user with a password of their own in place of the one-time one. */
    private TestUser ownPassword(TestUser user) {
        String own = "matrix-" + user.password();
        Response changed = send(user, HttpMethod.POST, "/api/users/me/password",
                                "{\"current\":\"" + user.password() + "\",\"new\":\"" + own + "\"}",
                                "application/json");
        assertThat(changed.status()).as(changed.text()).isEqualTo(204);
        return new TestUser(user.name(), own, user.role());
    }

    /** Who the call being prepared will be sent as (null: anonymously). */
    private TestUser preparingFor;

    /** A stored evidence file's hash. */
    private String evidence() {
        Response stored = created(send(TestUsers.RECORDER, HttpMethod.POST, "/api/evidence",
                                       "%PDF-1.4 matrix evidence", "application/pdf"));
        return stored.json().get("sha256").asText();
    }

    /** A join recorded by the recorder on a fresh coalition, then sealed under a checkpoint: an act to review. */
    private String joinedByRecorder() {
        String coalition = newCoalition();
        lastReviewed = coalition;
        String act = created(send(TestUsers.RECORDER, HttpMethod.POST, "/api/coalitions/" + coalition + "/members",
                                  "{\"party\":\"FI\",\"effectiveDate\":\"2021-01-02\",\"source\":" + SOURCE + "}",
                                  "application/json")).json().get("recordId").asText();
        checkpoint();
        return act;
    }

    private String lastReviewed = "access-it";

    /** A review opened by the given auditor on the coalition last prepared (the example at first). */
    private String review(TestUser owner) {
        Response opened = created(send(owner, HttpMethod.POST, "/api/reviews", """
                {"coalition":"%s","checkpoint":%d,"title":"Matrix review"}""".formatted(lastReviewed, checkpoint()),
                                       "application/json"));
        return opened.json().get("review").asText();
    }

    private Endpoint audit(HttpMethod method, String pattern, Supplier<String> path) {
        return new Endpoint(method, pattern, AUDITORS, () -> new Call(path.get(), method == HttpMethod.POST ? ""
                : null, method == HttpMethod.POST ? "application/json" : null));
    }

    /** Seals everything and signs a checkpoint now; answers its tree size. */
    private long checkpoint() {
        Response made = send(TestUsers.ADMIN, HttpMethod.POST, "/api/audit/checkpoints", "", "application/json");
        assertThat(made.status()).as(made.text()).isEqualTo(201);
        return made.json().get("treeSize").asLong();
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointAnsweredByRole() {
        created(postLines("/api/import", example("access-it")));
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            String name = endpoint.method() + " " + endpoint.pattern();
            tests.add(DynamicTest.dynamicTest(name + " anonymously: 401", () -> {
                preparingFor = null;
                Call call = endpoint.prepare().get();
                Response answer = send(null, endpoint.method(), call.path(), call.body(), call.contentType());
                assertThat(answer.status()).as(answer.text()).isEqualTo(401);
                assertThat(answer.headers().getFirst("WWW-Authenticate")).startsWith("Basic realm=");
                assertThat(answer.json().get("status").asInt()).isEqualTo(401);
            }));
            for (TestUser as : TestUsers.ALL) {
                boolean allowed = endpoint.roles().contains(as.role());
                tests.add(DynamicTest.dynamicTest(name + " as " + as.role() + ": " + (allowed ? "2xx" : "403"), () -> {
                    preparingFor = as;
                    Call call = endpoint.prepare().get();
                    Response answer = send(as, endpoint.method(), call.path(), call.body(), call.contentType());
                    if (allowed) {
                        assertThat(answer.status()).as(answer.text()).isBetween(200, 299);
                        if (call.path().startsWith("/api/admin/rebuilds/")) {
                            // a rebuild makes reads answer 503 until it is done: the next call waits for it
                            await().atMost(Duration.ofSeconds(30)).until(this::noRebuildRunning);
                        }
                    } else {
                        assertThat(answer.status()).as(answer.text()).isEqualTo(403);
                        assertThat(answer.json().get("detail").asText()).contains("your role does not allow");
                    }
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void theMatrixNamesEveryApiEndpoint() {
        Set<String> mapped = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream()
                .filter(pattern -> pattern.startsWith("/api/"))
                .forEach(pattern -> info.getMethodsCondition().getMethods()
                        .forEach(method -> mapped.add(method + " " + pattern))));
        Set<String> listed = new TreeSet<>();
        endpoints().forEach(endpoint -> listed.add(endpoint.method() + " " + endpoint.pattern()));
        assertThat(listed).isEqualTo(mapped);
    }

    @Test
    void theMetricsRoleMayChangeItsOwnPasswordOnly() {
        String same = "{\"current\":\"%1$s\",\"new\":\"%1$s\"}".formatted(TestUsers.METRICS.password());
        Response changed = send(TestUsers.METRICS, HttpMethod.POST, "/api/users/me/password", same,
                                "application/json");
        assertThat(changed.status()).as(changed.text()).isEqualTo(204);
        assertThat(send(TestUsers.METRICS, HttpMethod.GET, "/api/users/me/tokens", null, null).status())
                .isEqualTo(403);
    }

    @Test
    void healthIsOpenAndOtherActuatorEndpointsAreNot() {
        assertThat(send(null, HttpMethod.GET, "/actuator/health", null, null).status()).isEqualTo(200);
        assertThat(send(null, HttpMethod.GET, "/actuator", null, null).status()).isEqualTo(401);
        assertThat(send(TestUsers.VIEWER, HttpMethod.GET, "/actuator", null, null).status()).isEqualTo(403);
        assertThat(send(TestUsers.METRICS, HttpMethod.GET, "/actuator", null, null).status()).isEqualTo(403);
    }

    @Test
    void theMetricsRoleReadsNoEndpointOfTheApi() {
        for (Endpoint endpoint : endpoints()) {
            if (endpoint.pattern().equals("/api/users/me/password")) {
                continue; // every user may change their own password: below
            }
            Call call = endpoint.prepare().get();
            assertThat(send(TestUsers.METRICS, endpoint.method(), call.path(), call.body(), call.contentType())
                               .status()).as(endpoint.method() + " " + endpoint.pattern()).isEqualTo(403);
        }
    }

    @Test
    void apiDocumentationNeedsALogin() {
        assertThat(send(null, HttpMethod.GET, "/v3/api-docs", null, null).status()).isEqualTo(401);
        assertThat(send(TestUsers.VIEWER, HttpMethod.GET, "/v3/api-docs", null, null).status()).isEqualTo(200);
    }

    @Test
    void otherMethodsAreRefused() {
        assertThat(send(TestUsers.ADMIN, HttpMethod.DELETE, "/api/coalitions/access-it", null, null).status())
                .isIn(403, 405);
        assertThat(send(TestUsers.ADMIN, HttpMethod.PUT, "/api/coalitions", "{}", "application/json").status())
                .isIn(403, 405);
    }

    private void read(List<Endpoint> all, String pattern, String path) {
        all.add(new Endpoint(HttpMethod.GET, pattern, READERS, () -> new Call(path, null, null)));
    }

    private Endpoint partyAct(String kind, Supplier<String> coalition, String party, String date) {
        return new Endpoint(HttpMethod.POST, "/api/coalitions/{coalition}/" + kind, RECORDERS, () -> json(
                "/api/coalitions/" + coalition.get() + "/" + kind,
                "{\"party\":\"%s\",\"effectiveDate\":\"%s\",\"source\":%s}".formatted(party, date, SOURCE)));
    }

    private boolean noRebuildRunning() {
        for (JsonNode rebuild : send(TestUsers.ADMIN, HttpMethod.GET, "/api/admin/rebuilds", null, null).json()) {
            if (!rebuild.get("state").asText().equals("DONE")) {
                return false;
            }
        }
        return true;
    }

    private static Call json(String path, String body) {
        return new Call(path, body, "application/json");
    }

    private static String fresh(String prefix) {
        return prefix + "-matrix-" + SEQUENCE.incrementAndGet();
    }

    private String newCoalition() {
        String id = fresh("c");
        created(post("/api/coalitions", """
                {"coalition":"%s","name":"Matrix","effectiveDate":"2020-01","source":%s}""".formatted(id, SOURCE)));
        return id;
    }

    private String joined(String coalition, String party) {
        created(post("/api/coalitions/" + coalition + "/members",
                     "{\"party\":\"" + party + "\",\"effectiveDate\":\"2021-01-02\",\"source\":" + SOURCE + "}"));
        return coalition;
    }

    private String suspended(String coalition, String party) {
        created(post("/api/coalitions/" + coalition + "/suspensions",
                     "{\"party\":\"" + party + "\",\"effectiveDate\":\"2022-03-04\",\"source\":" + SOURCE + "}"));
        return coalition;
    }

    private String joinRecord() {
        return created(post("/api/coalitions/" + newCoalition() + "/members",
                            "{\"party\":\"FI\",\"effectiveDate\":\"2021-01-02\",\"source\":" + SOURCE + "}"))
                .json().get("recordId").asText();
    }

    private String newAgreement() {
        String id = fresh("a");
        created(post("/api/agreements", """
                {"agreement":"%s","coalition":"%s","title":"Matrix agreement","commitmentTerm":"P6Y",
                 "effectiveDate":"2021-01","source":%s}""".formatted(id, joined(newCoalition(), "EE"), SOURCE)));
        return id;
    }

    private String signed(String agreement, String party) {
        created(post("/api/agreements/" + agreement + "/signatures",
                     "{\"party\":\"" + party + "\",\"effectiveDate\":\"2021-02-01\",\"source\":" + SOURCE + "}"));
        return agreement;
    }

    private static Response created(Response response) {
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response;
    }
}
