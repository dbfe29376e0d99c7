package org.coalitionledger.ui;

import org.coalitionledger.it.SharedLedgerHttpTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.coalitionledger.it.TestUsers;
import org.coalitionledger.support.RecordTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
            assertThat(session.get(overviewPageOf(COALITION)).body()).contains("IT Coalition", "EE", "LU");
            HttpResponse<String> coalition = session.get(IT + "?asOf=2024-06-01");
            assertThat(coalition.statusCode()).isEqualTo(200);
            assertThat(coalition.body()).contains("Members on", "Netherlands", "<svg", "Cooperation");
            assertThat(session.get("/parties/NL").body()).contains("Netherlands", "IT Coalition");
        }
    }

    /** The overview page (of 50 coalitions, in id order) that lists the coalition: other classes add theirs. */
    private String overviewPageOf(String coalition) {
        long before = jdbc.queryForObject("select count(*) from coalition_view where id < ?", Long.class, coalition);
        return "/?page=" + (before / OverviewPage.DEFAULT_SIZE + 1);
    }

    @Test
    void theOverviewComesInPagesWithLinksThatKeepTheClocks() {
        PageSession session = PageSession.of(TestUsers.VIEWER, port);
        long total = jdbc.queryForObject("select count(*) from coalition_view", Long.class);
        assertThat(total).isGreaterThanOrEqualTo(2);
        String first = session.get("/?knownAt=2100-01-01T00:00:00Z&size=1").body();
        assertThat(first).contains("Page 1 of " + total + " (" + total + " coalitions)")
                .contains("href=\"/?knownAt=2100-01-01T00:00:00Z&amp;page=2&amp;size=1\" rel=\"next\"")
                .doesNotContain("rel=\"prev\"");
        assertThat(first.split("<tr>")).hasSize(3); // the head's row and one coalition's (rows carry no attribute)
        String last = session.get("/?knownAt=2100-01-01T00:00:00Z&size=1&page=" + total).body();
        assertThat(last).contains("Page " + total + " of " + total)
                .contains("href=\"/?knownAt=2100-01-01T00:00:00Z&amp;page=" + (total - 1)
                                  + "&amp;size=1\" rel=\"prev\"")
                .doesNotContain("rel=\"next\"");
        assertThat(session.get("/?page=" + (total + 1) + "&size=1").body()).contains("past the last one");
        HttpResponse<String> bad = session.get("/?size=100000");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("size must be between 1 and " + OverviewPage.MAX_SIZE);
    }

    @Test
    void theImportsPageShowsEachImportWithItsProgressBarToThoseWhoMayImport() {
        String coalition = "pages-import-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        Response imported = postLines("/api/import", example(coalition));
        assertThat(imported.status()).isEqualTo(201);
        String id = imported.headers().getFirst("Location").substring("/api/import/".length());
        HttpResponse<String> page = PageSession.of(TestUsers.RECORDER, port).get("/imports");
        assertThat(page.statusCode()).isEqualTo(200);
        String shown = page.body().substring(page.body().indexOf("data-import=\"" + id + "\""));
        shown = shown.substring(0, shown.indexOf("</article>"));
        assertThat(shown).contains("JSON Lines import by", "done: 100%", "<progress", "value=\"100\"",
                                   "<dd>" + example(coalition).lines().count() + "</dd>");
        // nothing runs now: the page does not ask the script to poll
        assertThat(page.body()).doesNotContain("data-poll");
        assertThat(PageSession.of(TestUsers.VIEWER, port).get("/imports").statusCode()).isEqualTo(403);
        assertThat(PageSession.of(TestUsers.VIEWER, port).get("/").body()).doesNotContain("href=\"/imports\"");
        assertThat(PageSession.of(TestUsers.RECORDER, port).get("/").body()).contains("href=\"/imports\"");
    }

    @Test
    void theNetherlandsIsUncertainOn15January2024() {
        String page = PageSession.of(TestUsers.VIEWER, port).get(IT + "?asOf=2024-01-15").body();
        String row = page.substring(page.indexOf("data-party=\"NL\""));
        row = row.substring(0, row.indexOf("</tr>"));
        assertThat(row).contains("≈ month precision", "uncertain");
    }

    @Test
    void theCoalitionPageShowsEachTreatyPartyWithABar() {
        String coalition = uniqueId("pages-treaty");
        assertThat(post("/api/coalitions", """
                {"coalition":"%s","name":"Treaty page","effectiveDate":"2020","source":%s}"""
                                .formatted(coalition, SOURCE)).status()).isEqualTo(201);
        String treaty = coalition + "-t";
        assertThat(post("/api/agreements", """
                {"agreement":"%s","coalition":"%s","title":"Page treaty","commitmentTerm":"P6Y",
                 "commitmentStarts":"ENTRY_INTO_FORCE","entryIntoForce":{"afterConsents":1,"delay":"P30D"},
                 "withdrawalNotice":"P6M","source":%s}""".formatted(treaty, coalition, SOURCE)).status())
                .isEqualTo(201);
        String base = "/api/agreements/" + treaty + "/";
        assertThat(post(base + "signatures", """
                {"party":"LV","effectiveDate":"2024-01-10","source":%s}""".formatted(SOURCE)).status())
                .isEqualTo(201);
        assertThat(post(base + "consents", """
                {"party":"LV","effectiveDate":"2024-03","means":"RATIFICATION","source":%s}""".formatted(SOURCE))
                           .status()).isEqualTo(201);
        assertThat(post(base + "withdrawal-notices", """
                {"party":"LV","effectiveDate":"2025-01-10","source":%s}""".formatted(SOURCE)).status())
                .isEqualTo(201);
        String page = PageSession.of(TestUsers.VIEWER, port).get("/coalitions/" + coalition + "?asOf=2024-06-01")
                .body();
        assertThat(page).contains("Parties to Page treaty", "class=\"treaty-parties\"", "bar bar-signed",
                                  "bar bar-consented uncertain", "bar bar-in-force", "bar bar-notice",
                                  "point point-withdrawn");
        String table = page.substring(page.indexOf("class=\"treaty-parties\""));
        String row = table.substring(table.indexOf("<tr data-party=\"LV\""));
        row = row.substring(0, row.indexOf("</tr>"));
        assertThat(row).contains("Latvia (LV)", ">party<", "2024-03 (ratification)", "2024-01-10");
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
            assertThat(session.get(IT + "?history=all").body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
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
        // a write to a socket the client has closed may still succeed once, and each act reaches the stream only
        // after the projections show it: on a loaded machine that takes several acts and seconds
        Iterator<String> parties = List.of("SK", "SI", "HR", "RO", "BG", "PT", "AT", "FI", "CY", "GR", "MD", "IE",
                                           "MK", "CH", "NO").iterator();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (live.listeners() > before && parties.hasNext()) {
                assertThat(post("/api/coalitions/" + COALITION + "/intents", "{\"party\":\"" + parties.next()
                        + "\",\"effectiveDate\":\"2024-04-01\",\"source\":" + SOURCE + "}").status())
                        .isEqualTo(201);
            }
            return live.listeners() == before;
        });
    }

    /**
     * An import is written in one transaction, not published act by act on the event bus: an open page is told once
     * it is written (and shown by the projections), as it is told of an act recorded through the API.
     */
    @Test
    void anOpenPageIsToldOfAnImportWritten() throws Exception {
        var session = PageSession.of(TestUsers.VIEWER, port);
        try (java.net.Socket stream = session.stream(IT + "/events")) {
            stream.setSoTimeout(30_000);
            StringBuilder read = new StringBuilder();
            readUntil(stream, read, "listening to");
            user = TestUsers.RECORDER;
            Response imported = postLines("/api/import", "{\"command\":\"DeclareIntent\",\"coalition\":\""
                    + COALITION + "\",\"party\":\"MT\",\"effectiveDate\":\"2024-04-02\",\"source\":" + SOURCE
                    + "}");
            assertThat(imported.status()).as(imported.text()).isEqualTo(201);
            readUntil(stream, read, "event:act");
            // the event's data (the coalition) may come in a chunk of its own
            StringBuilder after = new StringBuilder(read.substring(read.indexOf("event:act")));
            readUntil(stream, after, COALITION);
        }
    }

    private static void readUntil(java.net.Socket stream, StringBuilder read, String expected) throws Exception {
        byte[] buffer = new byte[1024];
        while (!read.toString().contains(expected) && read.length() < 65_536) {
            int n = stream.getInputStream().read(buffer);
            if (n < 0) {
                break;
            }
            read.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
        }
        assertThat(read.toString()).contains(expected);
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

    @Test
    void theHistoryOffersOnlyWhatTheApiAccepts() {
        PageSession recorder = PageSession.of(TestUsers.RECORDER, port);
        String page = recorder.get(IT + "?history=all").body();
        String formation = row(page, "FormCoalition");
        assertThat(formation).contains("Correct date").doesNotContain("Retract");
        assertThat(row(page, "RegisterAgreement")).doesNotContain("Correct date", "Retract");
        assertThat(row(page, "SignAgreement")).contains("Correct date", "Retract");
        assertThat(row(page, "JoinCoalition")).contains("Correct date", "Retract");

        String formationId = jdbc.queryForObject("select record_id from history_entry where coalition_id = ? and"
                                                 + " command = 'FormCoalition'", String.class, COALITION);
        String registrationId = jdbc.queryForObject("select record_id from history_entry where coalition_id = ?"
                                                    + " and command = 'RegisterAgreement'", String.class, COALITION);
        String records = "/record/" + COALITION + "/records/";
        HttpResponse<String> correctFormation = recorder.get(records + formationId + "/correction");
        assertThat(correctFormation.statusCode()).isEqualTo(200);
        String entry = correctFormation.body().substring(correctFormation.body().indexOf("<div class=\"entry\">"));
        entry = entry.substring(0, entry.indexOf("</div>"));
        assertThat(entry).contains("formed IT Coalition</strong><span>, effective [..2024-01-31]</span>")
                .doesNotContain("—").doesNotContainPattern("\\s,");
        assertThat(recorder.get(records + formationId + "/retraction").statusCode()).isEqualTo(409);
        assertThat(recorder.get(records + registrationId + "/correction").statusCode()).isEqualTo(409);
        assertThat(recorder.get(records + registrationId + "/retraction").statusCode()).isEqualTo(409);
    }

    /** The history row of the first act of this command on a coalition page. */
    private static String row(String page, String command) {
        String row = page.substring(page.indexOf("data-command=\"" + command + "\""));
        return row.substring(0, row.indexOf("</tr>"));
    }

    @Test
    void aSameDayIntentAndJoinIsAMarkerAndAPath() {
        // the example's United Kingdom declared intent and joined on or before 2024-02-14, both counted from that day
        PageSession viewer = PageSession.of(TestUsers.VIEWER, port);
        String coalition = viewer.get(IT).body();
        String timeline = coalition.substring(coalition.indexOf("id=\"membership-chart\""));
        timeline = timeline.substring(0, timeline.indexOf("</svg>"));
        assertThat(timeline).contains("class=\"point point-intent\"",
                                      "United Kingdom: declared intent on [..2024-02-14] (≈ within a range) and"
                                      + " joined the same day");
        assertThat(coalition).contains("a step that lasted no day");
        String party = viewer.get("/parties/GB").body();
        assertThat(party).contains("declared intent [..2024-02-14], joined [..2024-02-14]",
                                   "class=\"point point-intent\"");
    }

    @Test
    void aPartyWithoutCommitmentSaysItHasNone() {
        // the United Kingdom joined the example's coalition but signed none of its agreements
        PageSession viewer = PageSession.of(TestUsers.VIEWER, port);
        assertThat(viewer.get("/parties/GB").body())
                .contains("United Kingdom has no commitment under any agreement in the ledger.")
                .doesNotContain("No commitment had started");
        // before any commitment of Estonia in the shared ledger (other test classes record some from 2021)
        assertThat(viewer.get("/parties/EE?asOf=2000-01-01").body()).contains("No commitment had started by this day");
    }

    @Test
    void theHistoryShowsTheLatestActsAndOffersTheRest() {
        PageSession viewer = PageSession.of(TestUsers.VIEWER, port);
        String latest = viewer.get(IT + "?asOf=2024-06-01").body();
        long total = jdbc.queryForObject("select count(*) from history_entry where coalition_id = ? and"
                                         + " target_record_id is null", Long.class, COALITION);
        assertThat(total).isGreaterThan(CoalitionPage.LATEST_ACTS);
        assertThat(count(latest, "<tr id=\"record-")).isEqualTo(CoalitionPage.LATEST_ACTS);
        assertThat(latest).contains("Show the full history (" + total + " acts)",
                                    "href=\"/coalitions/pages-it?asOf=2024-06-01&amp;history=all#history\"");
        String all = viewer.get(IT + "?asOf=2024-06-01&history=all").body();
        assertThat(count(all, "<tr id=\"record-")).isEqualTo(total);
        assertThat(all).contains("Show only the latest acts", "name=\"history\" value=\"all\"");
    }

    @Test
    void eachSourceIsListedOnceAndCitedByNumber() {
        String page = PageSession.of(TestUsers.VIEWER, port).get(IT + "?history=all").body();
        // every act of the example cites the same report
        assertThat(count(page, "Members Of IT Coalition In Support Of Ukraine Sign Cooperation Agreement"))
                .isEqualTo(1);
        assertThat(count(page, "<li id=\"source-1\"")).isEqualTo(1);
        assertThat(count(page, "href=\"#source-1\"")).isGreaterThan(20);
        String audit = PageSession.of(TestUsers.AUDITOR, port).get("/audit?coalition=" + COALITION).body();
        assertThat(count(audit, "Sign Cooperation Agreement")).isEqualTo(1);
        assertThat(count(audit, "href=\"#source-1\"")).isGreaterThan(20);
    }

    @Test
    void agreementsGoByTitleTimesByOneFormatAndTheWordingReads() {
        PageSession auditor = PageSession.of(TestUsers.AUDITOR, port);
        String estonia = auditor.get("/parties/EE?asOf=2024-06-01").body();
        assertThat(estonia).contains("Cooperation agreement of the IT coalition")
                .doesNotContain("agreement " + COALITION);
        assertThat(estonia).containsPattern("active, \\d+ days left").doesNotContainPattern("active\\s+,");
        assertThat(auditor.get(IT + "?asOf=2024-06-01").body()).containsPattern("active, \\d+ days left")
                .doesNotContainPattern("\\d\\s+\\.").doesNotContainPattern("active\\s+,");
        // a token's expiry, shown among the users' events on the same page, is a moment too
        Instant expiry = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Response token = post("/api/users/me/tokens", "{\"name\":\"pages\",\"roles\":[\"ADMIN\"],\"expiresAt\":\""
                + expiry + "\"}");
        assertThat(token.status()).as(token.text()).isEqualTo(201);
        String audit = auditor.get("/audit?coalition=" + COALITION).body();
        assertThat(audit).contains("expires " + RecordTime.shown(expiry));
        assertThat(audit).containsPattern("Verified at \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} UTC")
                .doesNotContainPattern("\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z")
                .doesNotContain("0 recorded moments ago")
                .contains("(Cooperation agreement of the IT coalition)");
        for (String path : List.of("/", IT, "/parties/EE", "/audit", "/login")) {
            assertThat(auditor.get(path).body()).as(path).contains("<link rel=\"icon\" type=\"image/svg+xml\""
                                                                  + " href=\"/favicon.svg\">");
        }
        HttpResponse<String> icon = PageSession.anonymous(port).get("/favicon.svg", "image/svg+xml,*/*");
        assertThat(icon.statusCode()).isEqualTo(200);
        assertThat(icon.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/svg+xml");
    }

    @Test
    void dateFieldsAreIsoTextFields() {
        PageSession auditor = PageSession.of(TestUsers.AUDITOR, port);
        for (String path : List.of("/", IT, "/parties/EE", "/audit")) {
            String page = auditor.get(path).body();
            assertThat(page).as(path).doesNotContain("type=\"date\"");
        }
        assertThat(auditor.get(IT + "?asOf=2024-01-15").body())
                .contains("<input type=\"text\" id=\"asOf\" name=\"asOf\" value=\"2024-01-15\"",
                          "pattern=\"[0-9]{4}-[0-9]{2}-[0-9]{2}\"", "placeholder=\"YYYY-MM-DD\"",
                          "aria-describedby=\"asOf-hint\"", "<p class=\"hint\" id=\"asOf-hint\">YYYY-MM-DD");
        assertThat(auditor.get("/audit").body()).contains("aria-describedby=\"f-from-hint\"",
                                                          "aria-describedby=\"f-to-hint\"");
    }

    @Test
    void anUnknownAddressIsOurPageForBrowsersAndAProblemForApiClients() {
        PageSession viewer = PageSession.of(TestUsers.VIEWER, port);
        HttpResponse<String> page = viewer.get("/no-such-page");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.body()).contains(">Not found</h1>", "there is no page at this address", "/css/ledger.css");
        HttpResponse<String> json = viewer.get("/no-such-page", "application/json");
        assertThat(json.statusCode()).isEqualTo(404);
        assertThat(json.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        HttpResponse<String> api = viewer.get("/api/no-such-thing", "text/html");
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
    }

    @Test
    void aSignedInSessionDownloadsButDoesNotWriteThroughTheApi() {
        PageSession auditor = PageSession.of(TestUsers.AUDITOR, port);
        for (String download : List.of("/api/audit/bundle", "/api/audit/report?coalition=" + COALITION,
                                        "/api/export")) {
            HttpResponse<String> answer = auditor.get(download, "*/*");
            assertThat(answer.statusCode()).as(download).isEqualTo(200);
            assertThat(answer.headers().firstValue("WWW-Authenticate")).as(download).isEmpty();
        }
        PageSession viewer = PageSession.of(TestUsers.VIEWER, port);
        assertThat(viewer.get("/api/export", "*/*").statusCode()).as("roles still hold").isEqualTo(403);
        assertThat(viewer.get("/api/coalitions/" + COALITION, "application/json").statusCode()).isEqualTo(200);
        PageSession recorder = PageSession.of(TestUsers.RECORDER, port);
        long before = eventCount(COALITION);
        HttpResponse<String> write = recorder.postJson("/api/coalitions/" + COALITION + "/intents",
                                                       "{\"party\":\"MT\",\"effectiveDate\":\"2024-04-01\","
                                                       + "\"source\":" + SOURCE + "}");
        assertThat(write.statusCode()).as("a write needs Basic credentials, not the session").isEqualTo(401);
        assertThat(eventCount(COALITION)).isEqualTo(before);
        assertThat(PageSession.anonymous(port).get("/api/export", "*/*").statusCode()).isEqualTo(401);
    }

    private static long count(String text, String part) {
        long count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }

    @Test
    void suspendedMembersAndObserversAreListedApartAndDrawnOnTheTimeline() {
        String id = uniqueId("pages-so");
        assertThat(post("/api/coalitions", """
                {"coalition":"%s","name":"Suspensions","effectiveDate":"2020","source":%s}"""
                                .formatted(id, SOURCE)).status()).isEqualTo(201);
        assertThat(post("/api/coalitions/" + id + "/members", """
                {"party":"HU","effectiveDate":"2021-01-01","source":%s}""".formatted(SOURCE)).status())
                .isEqualTo(201);
        PageSession recorder = PageSession.of(TestUsers.RECORDER, port);
        // the new acts through their record forms, the suspension known within bounds
        String suspension = "/record/" + id + "/suspension";
        HttpResponse<String> suspended = recorder.post(suspension, recorder.token(suspension),
                                                       join("HU", "[2022-03-01..2022-03-20]"));
        assertThat(suspended.statusCode()).as(suspended.body()).isEqualTo(302);
        String observer = "/record/" + id + "/observer";
        assertThat(recorder.post(observer, recorder.token(observer), join("NO", "2021-06")).statusCode())
                .isEqualTo(302);
        String reinstatement = "/record/" + id + "/reinstatement";
        HttpResponse<String> refused = recorder.post(reinstatement, recorder.token(reinstatement),
                                                     join("NO", "2022-09-01"));
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("only a suspended member can be reinstated");

        String page = recorder.get("/coalitions/" + id + "?asOf=2022-03-10").body();
        assertThat(page).contains("No member on this day.", "Suspended members", "Hungary</span>, suspended since",
                                  "[2022-03-01..2022-03-20]", "≈ within a range", "⚠ uncertain on this day",
                                  "Observers, not members", "Norway</span>, observer since", "bar bar-suspended",
                                  "bar bar-observer", "/record/" + id + "/suspension");
        assertThat(recorder.get("/parties/HU").body())
                .contains("joined 2021-01-01, suspended [2022-03-01..2022-03-20]");
    }

    @Test
    void theTreatyActsHaveFormsThatRecordThemOrSayWhyNot() {
        String id = uniqueId("pages-tf");
        assertThat(post("/api/coalitions", """
                {"coalition":"%s","name":"Treaty forms","effectiveDate":"2020","source":%s}"""
                                .formatted(id, SOURCE)).status()).isEqualTo(201);
        PageSession recorder = PageSession.of(TestUsers.RECORDER, port);
        String agreement = "/record/" + id + "/agreement";
        assertThat(recorder.get(agreement).body()).contains("id=\"commitmentStarts\"", "id=\"afterConsents\"",
                                                            "id=\"entryDelay\"", "id=\"withdrawalNotice\"");
        String treaty = id + "-t";
        HttpResponse<String> badCount = recorder.post(agreement, recorder.token(agreement), Map.of(
                "agreement", treaty, "title", "Form treaty", "afterConsents", "none", "sourceTitle", "Form test"));
        assertThat(badCount.statusCode()).isEqualTo(400);
        assertThat(badCount.body()).contains("id=\"afterConsents-error\"", "value=\"none\"");
        // no commitment term: open-ended
        record(recorder, agreement, Map.of("agreement", treaty, "title", "Form treaty",
                                           "commitmentStarts", "ENTRY_INTO_FORCE", "withdrawalNotice", "P6M"));
        assertThat(jdbc.queryForObject("select count(*) from history_entry where coalition_id = ?"
                                       + " and command = 'RegisterAgreement'", Long.class, id)).isEqualTo(1);
        String c = "/record/" + id + "/agreements/" + treaty + "/";
        assertThat(recorder.get("/coalitions/" + id).body()).contains(c + "consent", c + "entry-into-force",
                                                                      c + "withdrawal-notice");
        record(recorder, c + "signature", Map.of("party", "EE", "effectiveDate", "2023-09-01"));
        long before = eventCount(id);
        HttpResponse<String> unsigned = recorder.post(c + "consent", recorder.token(c + "consent"), Map.of(
                "party", "LV", "means", "RATIFICATION", "effectiveDate", "2023-10-01", "sourceTitle", "Form test"));
        assertThat(unsigned.statusCode()).isEqualTo(409);
        assertThat(unsigned.body()).contains("id=\"means-error\"", "needs a signature by");
        assertThat(eventCount(id)).isEqualTo(before);
        record(recorder, c + "consent", Map.of("party", "EE", "means", "RATIFICATION", "effectiveDate", "2023-10-01"));
        record(recorder, c + "consent", Map.of("party", "LV", "means", "ACCESSION", "effectiveDate", "2023-11-01"));
        record(recorder, c + "entry-into-force", Map.of("effectiveDate", "2024-01-01"));
        HttpResponse<String> early = recorder.post(c + "withdrawal-notice", recorder.token(c + "withdrawal-notice"),
                Map.of("party", "EE", "effectiveDate", "2024-06-01", "takesEffect", "2024-07-01",
                       "sourceTitle", "Form test"));
        assertThat(early.statusCode()).isBetween(400, 499);
        assertThat(early.body()).contains("id=\"takesEffect-error\"", "earlier than the notice period allows");
        record(recorder, c + "withdrawal-notice", Map.of("party", "EE", "effectiveDate", "2024-06-01"));
        assertThat(eventCount(id)).isEqualTo(before + 4);
        String page = recorder.get("/coalitions/" + id + "?asOf=2024-08-01").body();
        assertThat(page).contains("Parties to Form treaty", "2023-10-01 (ratification)", "bar bar-notice");
    }

    private static Map<String, String> join(String party, String date) {
        return Map.of("party", party, "effectiveDate", date, "sourceTitle", "Press release",
                      "sourceUrl", "https://example.org/join");
    }

    /** A coalition of the example's acts, recorded by ADMIN ("ada"), sealed inside a fresh checkpoint. */
    private String sealedCoalition(String prefix) {
        String coalition = uniqueId(prefix);
        Response imported = postLines("/api/import", example(coalition));
        assertThat(imported.status()).as(imported.text()).isEqualTo(201);
        Response sealed = send(TestUsers.ADMIN, org.springframework.http.HttpMethod.POST, "/api/audit/checkpoints",
                               "", "application/json");
        assertThat(sealed.status()).as(sealed.text()).isEqualTo(201);
        return coalition;
    }

    private Response apiAs(TestUsers.TestUser as, String path, String json) {
        return send(as, org.springframework.http.HttpMethod.POST, path, json, "application/json");
    }

    @Test
    void anAuditorReviewsACoalitionOnTheReviewPage() {
        String coalition = sealedCoalition("pages-review");
        PageSession auditor = PageSession.of(TestUsers.AUDITOR, port);
        assertThat(PageSession.of(TestUsers.VIEWER, port).get("/audit/reviews").statusCode()).isEqualTo(403);
        assertThat(auditor.get("/audit").body()).contains("href=\"/audit/reviews\"");
        String token = auditor.token("/audit/reviews");
        assertThat(auditor.post("/audit/reviews", null, Map.of("coalition", coalition, "title", "x")).statusCode())
                .as("no CSRF token").isEqualTo(403);

        // a title is required: said beside the field, nothing written
        long before = storedEvents();
        HttpResponse<String> untitled = auditor.post("/audit/reviews", token, Map.of("coalition", coalition));
        assertThat(untitled.statusCode()).isEqualTo(400);
        assertThat(untitled.body()).contains("id=\"r-title-error\"", "title is required", "Nothing was written");
        assertThat(storedEvents()).isEqualTo(before);

        HttpResponse<String> opened = auditor.post("/audit/reviews", token,
                                                   Map.of("coalition", coalition, "title", "Pages review"));
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(302);
        String page = opened.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
        assertThat(page).startsWith("/audit/reviews/");
        String review = page.substring("/audit/reviews/".length());
        assertThat(auditor.get("/audit/reviews").body()).contains("Pages review", coalition);

        JsonNode detail = get("/api/reviews/" + review).json();
        int inScope = detail.get("actsInScope").asInt();
        assertThat(inScope).isEqualTo(detail.get("unchecked").size()).isGreaterThan(3);
        String first = detail.get("unchecked").get(0).get("recordId").asText();
        String second = detail.get("unchecked").get(1).get("recordId").asText();
        String third = detail.get("unchecked").get(2).get("recordId").asText();
        String shown = auditor.get(page).body();
        assertThat(shown).contains("Opened the review", "0 of " + inScope + " acts checked", "id=\"act-" + first,
                                   "ada", "name=\"verdict\" value=\"DISPUTED\"", "Complete the review");
        assertThat(shown.split("class=\"review-act\"")).hasSize(inScope + 1);

        // one click confirms
        HttpResponse<String> confirmed = auditor.post(page + "/findings", token,
                                                      Map.of("recordId", first, "verdict", "CONFIRMED"));
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(302);
        assertThat(auditor.get(page).body()).contains("Recorded CONFIRMED on act " + first,
                                                      "1 of " + inScope + " acts checked");

        // a dispute needs a comment: the error is by the act's comment field, nothing is written
        before = storedEvents();
        HttpResponse<String> bare = auditor.post(page + "/findings", token,
                                                 Map.of("recordId", second, "verdict", "DISPUTED"));
        assertThat(bare.statusCode()).isEqualTo(400);
        assertThat(bare.body()).contains("id=\"comment-2-error\"", "comment is required", "aria-invalid=\"true\"");
        assertThat(storedEvents()).isEqualTo(before);
        assertThat(auditor.post(page + "/findings", token, Map.of("recordId", second, "verdict", "DISPUTED",
                                                                  "comment", "the source gives February"))
                           .statusCode()).isEqualTo(302);
        assertThat(auditor.get(page).body()).contains("Recorded DISPUTED on act " + second,
                                                      "2 of " + inScope + " acts checked");

        // four eyes: ada recorded the acts, so ada (an ADMIN) may not review them
        PageSession ada = PageSession.of(TestUsers.ADMIN, port);
        String adaToken = ada.token(page);
        HttpResponse<String> own = ada.post(page + "/findings", adaToken,
                                            Map.of("recordId", third, "verdict", "CONFIRMED"));
        assertThat(own.statusCode()).isEqualTo(403);
        assertThat(own.body()).contains("four eyes: &#39;ada&#39; recorded act " + third, "Nothing was written");
        assertThat(storedEvents()).isEqualTo(before + 1);
        // only the owner completes
        assertThat(ada.get(page).body()).contains("Only the review&#39;s owner, audrey, can complete it.")
                .doesNotContain("Complete the review</button>");
        HttpResponse<String> notOwner = ada.post(page + "/completion", adaToken, Map.of());
        assertThat(notOwner.statusCode()).isEqualTo(403);
        assertThat(notOwner.body()).contains("only the review&#39;s owner &#39;audrey&#39; may complete it");

        HttpResponse<String> completed = auditor.post(page + "/completion", token, Map.of());
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(302);
        String done = auditor.get(page).body();
        assertThat(done).contains("Completed the review: 2 of " + inScope + " acts checked (1 CONFIRMED, 1 DISPUTED,"
                                          + " 0 SOURCE_UNAVAILABLE)", "Completed by audrey", "read-only",
                                  "⚠ disputed", "the source gives February")
                .doesNotContain("name=\"verdict\"", "Complete the review</button>");
        // a completed review is read-only
        before = storedEvents();
        HttpResponse<String> late = auditor.post(page + "/findings", token,
                                                 Map.of("recordId", third, "verdict", "CONFIRMED"));
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(late.body()).contains("read-only");
        assertThat(auditor.post(page + "/completion", token, Map.of()).statusCode()).isEqualTo(409);
        assertThat(storedEvents()).isEqualTo(before);
        assertThat(auditor.get("/audit/reviews/no-such-review").statusCode()).isEqualTo(404);
    }

    @Test
    void theReviewPageLinksTheEvidenceAndOnlyWebSources() {
        String coalition = uniqueId("pages-evidence");
        Response stored = send(TestUsers.ADMIN, org.springframework.http.HttpMethod.POST,
                               "/api/evidence?filename=notice.pdf", "%PDF-1.4 notice " + coalition, "application/pdf");
        assertThat(stored.status()).as(stored.text()).isEqualTo(201);
        String hash = stored.json().get("sha256").asText();
        assertThat(post("/api/coalitions", """
                {"coalition":"%s","name":"Evidence page","effectiveDate":"2020","source":
                 {"title":"Founding notice","url":"https://example.org/founding","evidence":["%s"]}}"""
                                .formatted(coalition, hash)).status()).isEqualTo(201);
        Response sealed = apiAs(TestUsers.ADMIN, "/api/audit/checkpoints", "");
        assertThat(sealed.status()).as(sealed.text()).isEqualTo(201);
        Response opened = apiAs(TestUsers.AUDITOR, "/api/reviews", """
                {"coalition":"%s","checkpoint":%d,"title":"Evidence"}""".formatted(
                coalition, sealed.json().get("treeSize").asLong()));
        assertThat(opened.status()).as(opened.text()).isEqualTo(201);
        String review = opened.json().get("review").asText();
        PageSession auditor = PageSession.of(TestUsers.AUDITOR, port);
        String page = auditor.get("/audit/reviews/" + review).body();
        assertThat(page).contains("href=\"/api/evidence/" + hash + "\"", "href=\"https://example.org/founding\"")
                .contains("Founding notice", "ada");
        HttpResponse<String> file = auditor.get("/api/evidence/" + hash, "*/*");
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).isEqualTo("%PDF-1.4 notice " + coalition);
    }

    @Test
    void theCoalitionPageMarksDisputedAndUnreviewedActs() {
        String coalition = sealedCoalition("pages-marks");
        long checkpoint = jdbc.queryForObject("select max(tree_size) from audit_checkpoint", Long.class);
        Response opened = apiAs(TestUsers.AUDITOR, "/api/reviews", """
                {"coalition":"%s","checkpoint":%d,"title":"Marks"}""".formatted(coalition, checkpoint));
        assertThat(opened.status()).as(opened.text()).isEqualTo(201);
        String review = opened.json().get("review").asText();
        JsonNode unchecked = get("/api/reviews/" + review).json().get("unchecked");
        String confirmed = unchecked.get(0).get("recordId").asText();
        String disputed = unchecked.get(1).get("recordId").asText();
        String unreviewed = unchecked.get(2).get("recordId").asText();
        assertThat(apiAs(TestUsers.AUDITOR, "/api/reviews/" + review + "/findings", """
                {"recordId":"%s","verdict":"CONFIRMED"}""".formatted(confirmed)).status()).isEqualTo(201);
        assertThat(apiAs(TestUsers.AUDITOR, "/api/reviews/" + review + "/findings", """
                {"recordId":"%s","verdict":"DISPUTED","comment":"wrong day"}""".formatted(disputed)).status())
                .isEqualTo(201);
        // before completion no review stands: every act is unreviewed
        String open = PageSession.of(TestUsers.VIEWER, port).get("/coalitions/" + coalition + "?history=all").body();
        assertThat(historyRow(open, disputed)).contains("unreviewed").doesNotContain("disputed");
        assertThat(apiAs(TestUsers.AUDITOR, "/api/reviews/" + review + "/completion", "").status()).isEqualTo(201);

        String page = PageSession.of(TestUsers.VIEWER, port).get("/coalitions/" + coalition + "?history=all").body();
        assertThat(historyRow(page, disputed)).contains("⚠ disputed", "by audrey").doesNotContain("unreviewed");
        assertThat(historyRow(page, confirmed)).contains("✓ confirmed").doesNotContain("unreviewed", "disputed");
        assertThat(historyRow(page, unreviewed)).contains("unreviewed").doesNotContain("confirmed", "disputed");
    }

    /** The history row of one record on a coalition page. */
    private static String historyRow(String page, String recordId) {
        String row = page.substring(page.indexOf("id=\"record-" + recordId + "\""));
        return row.substring(0, row.indexOf("</tr>"));
    }
}
