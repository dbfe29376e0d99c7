package org.coalitionledger.ui;

import org.coalitionledger.it.SharedLedgerHttpTest;
import org.coalitionledger.it.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The pages over plain HTTP, logged in through the login form: who may see and post what, CSRF, errors beside
 * their field with nothing written, and escaping of everything recorded.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PagesHttpTest extends SharedLedgerHttpTest {

    /** The example ledger under an id of this class's own (the application is shared with other test classes). */
    private static final String COALITION = "pages-it";
    private static final String IT = "/coalitions/" + COALITION;
    private static final String SCRIPT = "<script>alert(1)</script>";

    @LocalServerPort
    private int port;

    @Autowired
    private LiveUpdates live;

    @BeforeEach
    void loadTheExample() {
        if (jdbc.queryForObject("select count(*) from history_entry where coalition_id = ?", Long.class,
                                COALITION) == 0) {
            assertThat(postLines("/api/import", example(COALITION)).status()).isEqualTo(201);
        }
    }

    @Test
    void pagesNeedALoginAndTheLoginPageIsOurs() {
        PageSession anonymous = PageSession.anonymous(port);
        HttpResponse<String> overview = anonymous.get("/");
        assertThat(overview.statusCode()).isEqualTo(302);
        assertThat(overview.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        String login = anonymous.get("/login").body();
        assertThat(login).contains("<label for=\"username\">", "<label for=\"password\">", "name=\"_csrf\"",
                                   "/css/ledger.css");
    }

    @Test
    void everyRoleSeesTheOverviewCoalitionAndPartyPages() {
        for (var user : TestUsers.ALL) {
            PageSession session = PageSession.of(user, port);
            assertThat(session.get("/").body()).contains("IT Coalition", "EE", "LU");
            HttpResponse<String> coalition = session.get(IT + "?asOf=2024-06-01");
            assertThat(coalition.statusCode()).isEqualTo(200);
            assertThat(coalition.body()).contains("Members on", "Netherlands", "<svg", "Cooperation");
            assertThat(session.get("/parties/NL").body()).contains("Netherlands", "IT Coalition");
        }
    }

    @Test
    void theNetherlandsIsUncertainOn15January2024() {
        String page = PageSession.of(TestUsers.VIEWER, port).get(IT + "?asOf=2024-01-15").body();
        String row = page.substring(page.indexOf("data-party=\"NL\""));
        row = row.substring(0, row.indexOf("</tr>"));
        assertThat(row).contains("≈ month precision", "uncertain");
    }

    @Test
    void aViewerMayNotRecord() {
        PageSession viewer = PageSession.of(TestUsers.VIEWER, port);
        long before = eventCount(COALITION);
        assertThat(viewer.get("/record/pages-it/join").statusCode()).isEqualTo(403);
        String token = viewer.token("/");
        assertThat(viewer.post("/record/pages-it/join", token, join("FR", "2024-05-01")).statusCode())
                .isEqualTo(403);
        assertThat(viewer.get(IT).body()).doesNotContain("Record an act", "Correct date");
        assertThat(eventCount(COALITION)).isEqualTo(before);
    }

    @Test
    void onlyAuditorsAndAdminsSeeTheAuditPages() {
        assertThat(PageSession.of(TestUsers.VIEWER, port).get("/audit").statusCode()).isEqualTo(403);
        assertThat(PageSession.of(TestUsers.RECORDER, port).get("/audit").statusCode()).isEqualTo(403);
        for (var user : List.of(TestUsers.AUDITOR, TestUsers.ADMIN)) {
            HttpResponse<String> audit = PageSession.of(user, port).get("/audit?coalition=pages-it&party=NL");
            assertThat(audit.statusCode()).isEqualTo(200);
            assertThat(audit.body()).contains("Verified:", "the event store matches the signed audit tree",
                                              "records checked", "/api/audit/bundle",
                                              "/api/audit/report?coalition=pages-it", "joined")
                    .doesNotContain("verification not available");
        }
        PageSession auditor = PageSession.of(TestUsers.AUDITOR, port);
        assertThat(auditor.get("/audit?recordedBy=nobody").body()).contains("0 entries");
        String byAda = auditor.get("/audit?recordedBy=" + TestUsers.ADMIN.name() + "&party=NL&from=2000-01-01").body();
        assertThat(byAda).contains("data-label=\"Party\"><a href=\"/parties/NL\"")
                .doesNotContain("href=\"/parties/EE\"");
        String bad = auditor.get("/audit?from=2024-13-01&party=XX").body();
        assertThat(bad).contains("id=\"f-from-error\"", "id=\"f-party-error\"", "0 entries");
    }

    @Test
    void aFormPostNeedsTheCsrfToken() {
        PageSession recorder = PageSession.of(TestUsers.RECORDER, port);
        long before = eventCount(COALITION);
        assertThat(recorder.post("/record/pages-it/join", null, join("FR", "2024-05-02")).statusCode())
                .isEqualTo(403);
        assertThat(eventCount(COALITION)).isEqualTo(before);
    }

    @Test
    void aRecorderRecordsThroughTheFormAndSeesErrorsBesideTheirField() {
        PageSession recorder = PageSession.of(TestUsers.RECORDER, port);
        String form = "/record/pages-it/join";
        long before = eventCount(COALITION);

        HttpResponse<String> future = recorder.post(form, recorder.token(form), join("FR", "2999-01-01"));
        assertThat(future.statusCode()).isEqualTo(400);
        assertThat(future.body()).contains("id=\"effectiveDate-error\"", "value=\"2999-01-01\"", "value=\"FR\"");
        HttpResponse<String> badParty = recorder.post(form, recorder.token(form), join("XX", "2024-05-01"));
        assertThat(badParty.statusCode()).isEqualTo(400);
        assertThat(badParty.body()).contains("id=\"party-error\"", "value=\"XX\"");
        HttpResponse<String> both = recorder.post(form, recorder.token(form), join("XX", "2999-01-01"));
        assertThat(both.statusCode()).isEqualTo(400);
        assertThat(both.body()).as("every field at fault at once")
                .contains("id=\"party-error\"", "id=\"effectiveDate-error\"");
        assertThat(eventCount(COALITION)).isEqualTo(before);

        HttpResponse<String> done = recorder.post(form, recorder.token(form), join("PL", "2024-05-01"));
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(done.headers().firstValue("Location").orElseThrow()).endsWith(IT);
        assertThat(eventCount(COALITION)).isEqualTo(before + 1);
        assertThat(recorder.get(IT).body()).contains("Recorded the join", "Poland");
        assertThat(jdbc.queryForObject("select count(*) from history_entry where coalition_id = ? and party = 'PL'"
                                               + " and recorded_by = ?",
                                       Long.class, COALITION, TestUsers.RECORDER.name())).isEqualTo(1);
    }

    @Test
    void everythingRecordedIsEscapedOnEveryPage() {
        user = TestUsers.RECORDER;
        assertThat(post("/api/coalitions/pages-it/intents", """
                {"party":"CZ","effectiveDate":"2024-03-01","notes":"%1$s",
                 "source":{"title":"%1$s","url":"javascript:alert(1)","publisher":"%1$s"}}""".formatted(SCRIPT))
                           .status()).as("javascript: URLs are refused by the API").isEqualTo(400);
        assertThat(post("/api/coalitions/pages-it/intents", """
                {"party":"CZ","effectiveDate":"2024-03-01","notes":"%1$s",
                 "source":{"title":"%1$s","url":"https://example.org/?a=1&b=%%3Cscript%%3E",
                           "publisher":"%1$s"}}""".formatted(SCRIPT)).status()).isEqualTo(201);
        for (var user : List.of(TestUsers.ADMIN)) {
            PageSession session = PageSession.of(user, port);
            for (String path : List.of(IT, IT + "?asOf=2024-03-05", "/audit", "/audit?party=CZ", "/parties/CZ", "/")) {
                String page = session.get(path).body();
                assertThat(page).as(path).doesNotContain(SCRIPT).doesNotContain("\"><script>");
            }
            assertThat(session.get(IT).body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
            assertThat(session.get("/audit").body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        }
    }

    @Test
    void everyCommandHasAFormThatRecordsIt() {
        PageSession recorder = PageSession.of(TestUsers.RECORDER, port);
        long before = eventCount("form-");
        record(recorder, "/record/coalition", Map.of("coalition", "form-coalition", "name", "Form <b>Coalition</b>",
                                                     "focusAreas", "drones\ndemining", "effectiveDate", "2023-05"));
        String c = "/record/form-coalition/";
        record(recorder, c + "join", Map.of("party", "ee", "effectiveDate", "2023-06-01"));
        record(recorder, c + "intent", Map.of("party", "LV", "effectiveDate", "2023"));
        record(recorder, c + "lead", Map.of("party", "EE", "effectiveDate", "2023-06-01"));
        record(recorder, c + "join", Map.of("party", "LT", "effectiveDate", "2023-07-01"));
        record(recorder, c + "departure", Map.of("party", "LT", "effectiveDate", "2024-07-01"));
        record(recorder, c + "agreement", Map.of("agreement", "form-agreement", "title", "Form agreement",
                                                 "commitmentTerm", "P2Y", "effectiveDate", "2023-08"));
        record(recorder, c + "agreements/form-agreement/signature",
               Map.of("party", "EE", "effectiveDate", "2023-09-01"));
        record(recorder, c + "agreements/form-agreement/withdrawal",
               Map.of("party", "EE", "effectiveDate", "2024-09-01"));
        String joinOfLt = jdbc.queryForObject("select record_id from history_entry"
                                              + " where coalition_id = 'form-coalition'"
                                              + " and party = 'LT' and command = 'JoinCoalition'", String.class);
        record(recorder, c + "records/" + joinOfLt + "/correction", Map.of("effectiveDate", "2023-07-02",
                                                                            "reason", "the day was wrong"));
        String intentOfLv = jdbc.queryForObject("select record_id from history_entry where coalition_id ="
                                                + " 'form-coalition' and party = 'LV'", String.class);
        record(recorder, c + "records/" + intentOfLv + "/retraction", Map.of("reason", "misreported"));
        assertThat(eventCount("form-")).isEqualTo(before + 11);

        String page = recorder.get("/coalitions/form-coalition?asOf=2023-10-01").body();
        assertThat(page).contains("Form &lt;b&gt;Coalition&lt;/b&gt;", "drones, demining", "Estonia", "★ lead",
                                  "LV", "withdrawn", "retracted", "Date corrected from 2023-07-01 to 2023-07-02");
        assertThat(recorder.get("/record/form-coalition/records/" + joinOfLt + "/correction").statusCode())
                .isEqualTo(200);
        assertThat(recorder.get("/record/form-coalition/nonsense").statusCode()).isEqualTo(404);
        assertThat(recorder.get("/record/no-such-coalition/join").statusCode()).isEqualTo(404);
    }

    @Test
    void theLiveStreamIsOpenToLoggedInUsersOnlyAndForgetsClientsThatHaveGone() throws Exception {
        assertThat(PageSession.anonymous(port).get(IT + "/events").statusCode()).isEqualTo(302);
        int before = live.listeners();
        var session = PageSession.of(TestUsers.VIEWER, port);
        try (java.net.Socket stream = session.stream(IT + "/events")) {
            stream.setSoTimeout(10_000);
            StringBuilder read = new StringBuilder();
            byte[] buffer = new byte[1024];
            while (!read.toString().contains("listening to") && read.length() < 8192) {
                int n = stream.getInputStream().read(buffer);
                if (n < 0) {
                    break;
                }
                read.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
            String head = read.toString();
            assertThat(head).startsWith("HTTP/1.1 200").containsIgnoringCase("Content-Type: text/event-stream")
                    .contains(":listening to pages-it");
            assertThat(live.listeners()).isEqualTo(before + 1);
        }
        // the next acts about the coalition find the stream gone and drop it: one more act each time we look
        user = TestUsers.RECORDER;
        Iterator<String> parties = List.of("SK", "SI", "HR", "RO", "BG", "PT").iterator();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(300)).until(() -> {
            if (live.listeners() > before) {
                assertThat(post("/api/coalitions/" + COALITION + "/intents", "{\"party\":\"" + parties.next()
                        + "\",\"effectiveDate\":\"2024-04-01\",\"source\":" + SOURCE + "}").status())
                        .isEqualTo(201);
            }
            return live.listeners() == before;
        });
    }

    private void record(PageSession recorder, String form, Map<String, String> fields) {
        assertThat(recorder.get(form).statusCode()).as(form).isEqualTo(200);
        Map<String, String> all = new java.util.HashMap<>(fields);
        all.put("sourceTitle", "Form test");
        HttpResponse<String> answer = recorder.post(form, recorder.token(form), all);
        assertThat(answer.statusCode()).as(form + ": " + answer.body()).isEqualTo(302);
    }

    @Test
    void anUnknownCoalitionIsAPageSaying404() {
        HttpResponse<String> page = PageSession.of(TestUsers.VIEWER, port).get("/coalitions/no-such-coalition");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("unknown coalition");
    }

    private static Map<String, String> join(String party, String date) {
        return Map.of("party", party, "effectiveDate", date, "sourceTitle", "Press release",
                      "sourceUrl", "https://example.org/join");
    }
}
