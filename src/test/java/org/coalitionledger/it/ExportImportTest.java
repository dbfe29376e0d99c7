package org.coalitionledger.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** An export imported into an empty ledger answers every as-of question the same way. */
class ExportImportTest {

    private static final String SOURCE = "{\"title\":\"Correction notice\"}";
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void exportImportedIntoAnEmptyLedgerGivesTheSameAnswers() throws Exception {
        try (RunningLedger original = RunningLedger.startFresh();
             RunningLedger copy = RunningLedger.startFresh()) {
            String example = Files.readString(Path.of("docs/examples/it-coalition.jsonl"));
            assertThat(original.post("/api/import", example, "application/x-ndjson").statusCode())
                    .isEqualTo(201);
            JsonNode history = json.readTree(original.get("/api/coalitions/it-coalition/history").body());
            String nlJoin = recordOf(history, "JoinCoalition", "NL");
            String lvSignature = recordOf(history, "SignAgreement", "LV");
            String dkJoin = recordOf(history, "JoinCoalition", "DK");
            assertThat(original.post("/api/records/" + nlJoin + "/correction",
                            "{\"effectiveDate\":\"2024-01-25\",\"reason\":\"day found\",\"source\":" + SOURCE + "}",
                            "application/json").statusCode()).isEqualTo(201);
            assertThat(original.post("/api/records/" + lvSignature + "/correction",
                            "{\"effectiveDate\":\"[2024-02-15..2024-02-20]\",\"reason\":\"signed later\",\"source\":"
                                    + SOURCE + "}",
                            "application/json").statusCode()).isEqualTo(201);
            assertThat(original.post("/api/coalitions/it-coalition/departures",
                            "{\"party\":\"DK\",\"effectiveDate\":\"2025-03\",\"source\":" + SOURCE + "}",
                            "application/json").statusCode()).isEqualTo(201);
            assertThat(original.post("/api/coalitions/it-coalition/members",
                            "{\"party\":\"FR\",\"effectiveDate\":\"2024-06\",\"source\":" + SOURCE + "}",
                            "application/json").statusCode()).isEqualTo(201);
            // a suspension known within bounds, a reinstatement in a month, an observer on or before a day
            for (String[] act : new String[][]{{"suspensions", "LT", "[2024-03-01..2024-04-15]"},
                    {"reinstatements", "LT", "2024-09"}, {"observers", "NO", "[..2024-05-31]"}}) {
                assertThat(original.post("/api/coalitions/it-coalition/" + act[0],
                                "{\"party\":\"" + act[1] + "\",\"effectiveDate\":\"" + act[2] + "\",\"source\":"
                                        + SOURCE + "}", "application/json").statusCode()).as(act[0]).isEqualTo(201);
            }
            String frJoin = recordOf(json.readTree(original.get("/api/coalitions/it-coalition/history")
                                                           .body()), "JoinCoalition", "FR");
            assertThat(original.post("/api/records/" + frJoin + "/retraction",
                            "{\"reason\":\"misreported\",\"source\":" + SOURCE + "}", "application/json")
                               .statusCode()).isEqualTo(201);

            HttpResponse<String> export = original.get("/api/export");
            assertThat(export.statusCode()).isEqualTo(200);
            assertThat(export.body().lines()).hasSize(35); // 34 acts and the trailer
            assertThat(TestUsers.events(original.context().getBean(JdbcTemplate.class)))
                    .as("the users imported at the first start were recorded, and are not exported").isPositive();
            assertThat(export.body()).doesNotContain("UserAccount", "UserCreated");
            assertThat(export.body()).contains("\"command\":\"CorrectRecord\"", "\"command\":\"RetractRecord\"",
                                               "\"command\":\"SuspendMember\"", "\"command\":\"ReinstateMember\"",
                                               "\"command\":\"AdmitObserver\"", "\"effectiveDate\":\"[..2024-05-31]\"",
                                               "\"effectiveDate\":\"[2024-02-15..2024-02-20]\"",
                                               "\"recordedBy\":\"" + TestUsers.ADMIN.name() + "\"", dkJoin);

            HttpResponse<String> imported = copy.post("/api/import", export.body(), "application/x-ndjson");
            assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);

            for (LocalDate day = LocalDate.of(2023, 12, 15); day.isBefore(LocalDate.of(2031, 1, 1));
                 day = day.plusDays(17)) {
                for (String path : new String[]{"/api/coalitions/it-coalition/members",
                        "/api/agreements/it-coalition-cooperation-agreement/commitments"}) {
                    JsonNode a = json.readTree(original.get(path + "?asOf=" + day).body());
                    JsonNode b = json.readTree(copy.get(path + "?asOf=" + day).body());
                    for (JsonNode answer : new JsonNode[]{a, b}) {
                        ((com.fasterxml.jackson.databind.node.ObjectNode) answer).remove("knownAt");
                        answer.path("commitments").forEach(c -> {
                            ((com.fasterxml.jackson.databind.node.ObjectNode) c).remove("signatureRecordId");
                            ((com.fasterxml.jackson.databind.node.ObjectNode) c).remove("withdrawalRecordId");
                        });
                    }
                    assertThat(b).as(path + " on " + day).isEqualTo(a);
                }
            }
            JsonNode copied = json.readTree(copy.get("/api/coalitions/it-coalition/history").body());
            assertThat(copied.get("entries")).hasSize(history.get("entries").size() + 5);
            JsonNode suspended = json.readTree(copy.get("/api/coalitions/it-coalition/members?asOf=2024-04-01")
                                                       .body());
            assertThat(suspended.at("/suspended/0/since").asText()).isEqualTo("[2024-03-01..2024-04-15]");
            assertThat(suspended.at("/observers")).isEmpty();
        }
    }

    @Test
    void treatyActsSurviveExportAndImport() throws Exception {
        try (RunningLedger original = RunningLedger.startFresh();
             RunningLedger copy = RunningLedger.startFresh()) {
            String[] acts = {
                "/api/coalitions", "{\"coalition\":\"tc\",\"name\":\"Treaty\",\"effectiveDate\":\"2020\"",
                "/api/agreements", "{\"agreement\":\"tc-treaty\",\"coalition\":\"tc\",\"title\":\"Treaty\","
                        + "\"commitmentTerm\":\"P6Y\",\"commitmentStarts\":\"ENTRY_INTO_FORCE\","
                        + "\"entryIntoForce\":{\"delay\":\"P30D\"},\"withdrawalNotice\":\"P6M\"",
                "/api/agreements/tc-treaty/signatures", "{\"party\":\"LV\",\"effectiveDate\":\"2024-01\"",
                "/api/agreements/tc-treaty/consents",
                "{\"party\":\"LV\",\"effectiveDate\":\"2024-03-01\",\"means\":\"APPROVAL\"",
                "/api/agreements/tc-treaty/consents",
                "{\"party\":\"EE\",\"effectiveDate\":\"2024-10-01\",\"means\":\"ACCESSION\"",
                "/api/agreements/tc-treaty/entry-into-force", "{\"effectiveDate\":\"2024-06-01\"",
                "/api/agreements/tc-treaty/withdrawal-notices",
                "{\"party\":\"LV\",\"effectiveDate\":\"2025-01-10\",\"takesEffect\":\"2025-12-31\""};
            for (int i = 0; i < acts.length; i += 2) {
                HttpResponse<String> response = original.post(acts[i], acts[i + 1] + ",\"source\":" + SOURCE + "}",
                                                              "application/json");
                assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            }
            JsonNode history = json.readTree(original.get("/api/coalitions/tc/history").body());
            assertThat(original.post("/api/records/" + recordOf(history, "ConsentToBeBound", "EE") + "/correction",
                            "{\"effectiveDate\":\"2024-09-01\",\"reason\":\"day found\",\"source\":" + SOURCE
                                    + "}", "application/json").statusCode()).isEqualTo(201);

            HttpResponse<String> export = original.get("/api/export");
            assertThat(export.body()).contains("\"commitmentStarts\":\"ENTRY_INTO_FORCE\"",
                                               "\"means\":\"APPROVAL\"", "\"takesEffect\":\"2025-12-31\"",
                                               "\"command\":\"RecordEntryIntoForce\"");
            HttpResponse<String> imported = copy.post("/api/import", export.body(), "application/x-ndjson");
            assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
            for (LocalDate day = LocalDate.of(2024, 1, 15); day.isBefore(LocalDate.of(2027, 1, 1));
                 day = day.plusDays(23)) {
                for (String path : new String[]{"/api/agreements/tc-treaty/parties",
                        "/api/agreements/tc-treaty/commitments"}) {
                    JsonNode a = json.readTree(original.get(path + "?asOf=" + day).body());
                    JsonNode b = json.readTree(copy.get(path + "?asOf=" + day).body());
                    for (JsonNode answer : new JsonNode[]{a, b}) {
                        ((com.fasterxml.jackson.databind.node.ObjectNode) answer).remove("knownAt");
                        answer.path("commitments").forEach(c -> {
                            ((com.fasterxml.jackson.databind.node.ObjectNode) c).remove("signatureRecordId");
                            ((com.fasterxml.jackson.databind.node.ObjectNode) c).remove("withdrawalRecordId");
                        });
                    }
                    assertThat(b).as(path + " on " + day).isEqualTo(a);
                }
            }
            JsonNode parties = json.readTree(copy.get("/api/agreements/tc-treaty/parties?asOf=2025-02-01").body());
            assertThat(parties.at("/parties/1/status").asText()).isEqualTo("WITHDRAWAL_NOTIFIED");
            assertThat(parties.at("/parties/1/inForceFrom").asText()).isEqualTo("2024-06-01");
            assertThat(parties.at("/parties/0/inForceFrom").asText()).isEqualTo("2024-10-01");
        }
    }

    @Test
    void aCompletedReviewSurvivesExportAndImportWithTheSameReviewStatus() throws Exception {
        try (RunningLedger original = RunningLedger.startFresh();
             RunningLedger copy = RunningLedger.startFresh()) {
            String example = Files.readString(Path.of("docs/examples/it-coalition.jsonl"));
            assertThat(original.post("/api/import", example, "application/x-ndjson").statusCode()).isEqualTo(201);
            long checkpoint = json.readTree(original.post("/api/audit/checkpoints", "", "application/json").body())
                    .get("treeSize").asLong();
            JsonNode history = json.readTree(original.get("/api/coalitions/it-coalition/history").body());
            String nlJoin = recordOf(history, "JoinCoalition", "NL");
            String eeLead = recordOf(history, "DesignateLead", "EE");
            HttpResponse<String> opened = original.postAs(TestUsers.AUDITOR, "/api/reviews",
                    "{\"coalition\":\"it-coalition\",\"checkpoint\":" + checkpoint + ",\"title\":\"Annual\"}");
            assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
            String review = json.readTree(opened.body()).get("review").asText();
            for (String finding : new String[]{
                    "{\"recordId\":\"" + nlJoin + "\",\"verdict\":\"CONFIRMED\"}",
                    "{\"recordId\":\"" + eeLead + "\",\"verdict\":\"DISPUTED\",\"comment\":\"no such word\"}",
                    "{\"recordId\":\"" + nlJoin + "\",\"verdict\":\"SOURCE_UNAVAILABLE\",\"comment\":\"gone\"}"}) {
                HttpResponse<String> given = original.postAs(TestUsers.AUDITOR, "/api/reviews/" + review
                        + "/findings", finding);
                assertThat(given.statusCode()).as(given.body()).isEqualTo(201);
            }
            assertThat(original.postAs(TestUsers.AUDITOR, "/api/reviews/" + review + "/completion", "")
                               .statusCode()).isEqualTo(201);
            assertThat(original.post("/api/records/" + nlJoin + "/correction",
                            "{\"effectiveDate\":\"2024-01-25\",\"reason\":\"day found\",\"source\":" + SOURCE
                                    + "}", "application/json").statusCode()).isEqualTo(201);

            String export = original.get("/api/export").body();
            assertThat(export).contains("\"command\":\"OpenReview\"", "\"command\":\"GiveFinding\"",
                                        "\"command\":\"CompleteReview\"", "\"reviewer\":\""
                                                + TestUsers.AUDITOR.name() + "\"");
            String[] lines = export.split("\n");
            // the user events are not exported: the review's checkpoint is also given in the export's lines
            long userEvents = TestUsers.events(original.context().getBean(JdbcTemplate.class));
            assertThat(userEvents).as("the users imported at the first start").isPositive();
            assertThat(export).contains("\"checkpoint\":" + checkpoint + ",\"checkpointLines\":"
                                                + (checkpoint - userEvents) + ",");
            // a correction keeps who recorded it (its routing to the act's aggregate once dropped the metadata)
            assertThat(java.util.Arrays.stream(lines).filter(line -> line.contains("\"command\":\"CorrectRecord\"")))
                    .singleElement().asString().contains("\"recordedBy\":\"" + TestUsers.ADMIN.name() + "\"");
            String body = String.join("\n", java.util.Arrays.copyOf(lines, lines.length - 1)) + "\n";
            int firstFinding = 0;
            while (!lines[firstFinding].contains("\"command\":\"GiveFinding\"")) {
                firstFinding++;
            }
            // four eyes holds on import, against the recorder the act had where it was exported from
            String ownAct = body.replaceFirst("\"reviewer\":\"" + TestUsers.AUDITOR.name() + "\"",
                                              "\"reviewer\":\"" + TestUsers.ADMIN.name() + "\"");
            JsonNode refused = json.readTree(copy.post("/api/import?dryRun=true", ownAct, "application/x-ndjson")
                                                     .body());
            assertThat(refused.get("status").asInt()).isEqualTo(422);
            assertThat(refused.at("/errors/0/line").asInt()).isEqualTo(firstFinding + 1);
            assertThat(refused.at("/errors/0/message").asText()).contains("four eyes");
            String unknownAct = body.replace("\"recordId\":\"" + nlJoin + "\",\"verdict\"",
                                             "\"recordId\":\"no-such-record\",\"verdict\"");
            JsonNode unknown = json.readTree(copy.post("/api/import?dryRun=true", unknownAct,
                                                       "application/x-ndjson").body());
            assertThat(unknown.at("/errors/0/field").asText()).isEqualTo("recordId");
            assertThat(unknown.at("/errors/0/message").asText()).contains("no-such-record").contains("no act");

            HttpResponse<String> imported = copy.post("/api/import", export, "application/x-ndjson");
            assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
            JsonNode counts = json.readTree(imported.body()).get("byCommand");
            assertThat(counts.get("OpenReview").asInt()).isEqualTo(1);
            assertThat(counts.get("GiveFinding").asInt()).isEqualTo(3);
            assertThat(counts.get("CompleteReview").asInt()).isEqualTo(1);
            // sealed, as in the original, so that every event has its tree position
            HttpResponse<String> sealed = copy.post("/api/audit/checkpoints", "", "application/json");
            assertThat(json.readTree(sealed.body()).get("treeSize").asLong()).as(sealed.body())
                    .isEqualTo(lines.length - 1 + TestUsers.events(copy.context().getBean(JdbcTemplate.class)));

            JsonNode before = json.readTree(original.get("/api/coalitions/it-coalition/review-status").body());
            JsonNode after = json.readTree(copy.get("/api/coalitions/it-coalition/review-status").body());
            assertThat(after.get("acts")).hasSize(before.get("acts").size());
            String copiedReview = null;
            for (int i = 0; i < before.get("acts").size(); i++) {
                JsonNode a = before.get("acts").get(i);
                JsonNode b = after.get("acts").get(i);
                for (String field : new String[]{"verdict", "reviewer", "changedSinceReview"}) {
                    assertThat(b.get(field)).as(field + " of act " + i).isEqualTo(a.get(field));
                }
                assertThat(b.get("review").isNull()).isEqualTo(a.get("review").isNull());
                copiedReview = b.get("review").isNull() ? copiedReview : b.get("review").asText();
            }
            assertThat(before.findValuesAsText("verdict")).contains("SOURCE_UNAVAILABLE", "DISPUTED");
            assertThat(before.findValues("changedSinceReview").stream().filter(JsonNode::asBoolean)).hasSize(1);
            JsonNode a = json.readTree(original.get("/api/reviews/" + review).body());
            JsonNode b = json.readTree(copy.get("/api/reviews/" + copiedReview).body());
            for (String field : new String[]{"coalition", "checkpoint", "title", "auditor", "rootHash", "actsInScope",
                    "actsChecked"}) {
                assertThat(b.get(field)).as(field).isEqualTo(a.get(field));
            }
            assertThat(b.get("completedAt").isNull()).isFalse();
            assertThat(b.get("findings").findValuesAsText("verdict"))
                    .containsExactlyInAnyOrderElementsOf(a.get("findings").findValuesAsText("verdict"));

            // the copy is no longer empty: review lines are refused, named
            JsonNode again = json.readTree(copy.post("/api/import?dryRun=true", export, "application/x-ndjson")
                                                   .body());
            assertThat(again.get("errors").findValuesAsText("message"))
                    .anyMatch(message -> message.contains("only into an empty ledger"));
        }
    }

    private static String recordOf(JsonNode history, String command, String party) {
        for (JsonNode entry : history.get("entries")) {
            if (entry.get("command").asText().equals(command) && party.equals(entry.path("party").asText())) {
                return entry.get("recordId").asText();
            }
        }
        throw new AssertionError("no " + command + " of " + party);
    }
}
