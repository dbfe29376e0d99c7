package org.coalitionledger.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The JSON Lines import: all or nothing, any order, every bad line named. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ImportHttpTest extends SharedLedgerHttpTest {

    /** The example under other ids, so that each test has a ledger of its own. */
    private static List<String> exampleAs(String coalition) {
        return new ArrayList<>(example(coalition).lines().toList());
    }

    @Test
    void importWithOneBadLineWritesNothingAndNamesThatLine() {
        List<String> lines = exampleAs("bad-line");
        lines.set(6, lines.get(6).replace("\"party\": \"IS\"", "\"party\": \"ISL\""));
        long before = eventCount("bad-line");
        Response response = postLines("/api/import", String.join("\n", lines));
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors")).hasSize(1);
        JsonNode error = response.json().get("errors").get(0);
        assertThat(error.get("line").asInt()).isEqualTo(7);
        assertThat(error.get("field").asText()).isEqualTo("party");
        assertThat(error.get("message").asText()).contains("ISL");
        assertThat(eventCount("bad-line")).isEqualTo(before);
        assertThat(get("/api/coalitions/bad-line").status()).isEqualTo(404);
    }

    @Test
    void everyFieldAtFaultInALineIsListed() {
        List<String> lines = exampleAs("bad-fields");
        lines.add("{\"command\":\"JoinCoalition\",\"coalition\":\"bad-fields\",\"party\":\"ISL\","
                          + "\"effectiveDate\":\"2024-13\",\"source\":{\"url\":\"ftp://example.org\"}}");
        long before = eventCount("bad-fields");
        Response response = postLines("/api/import", String.join("\n", lines));
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors")).extracting(e -> e.get("line").asInt())
                .containsOnly(lines.size());
        assertThat(response.json().get("errors")).extracting(e -> e.get("field").asText())
                .containsExactly("party", "effectiveDate", "source.url");
        assertThat(eventCount("bad-fields")).isEqualTo(before);
    }

    @Test
    void everyBadLineIsListed() {
        List<String> lines = exampleAs("many-bad");
        lines.set(5, "{\"command\":\"JoinCoalition\",\"coalition\":\"many-bad\"");
        lines.set(7, lines.get(7).replace("\"command\": \"JoinCoalition\"", "\"command\": \"Enlist\""));
        lines.add("{\"command\":\"LeaveCoalition\",\"coalition\":\"many-bad\",\"party\":\"FR\","
                          + "\"effectiveDate\":\"2024-03\",\"source\":{\"title\":\"t\"}}");
        lines.add("{\"command\":\"SignAgreement\",\"agreement\":\"many-bad-cooperation-agreement\","
                          + "\"party\":\"LV\",\"effectiveDate\":\"2024-02-20\",\"source\":{\"title\":\"t\"},"
                          + "\"signedBy\":\"mallory\"}");
        long before = eventCount("many-bad");
        Response response = postLines("/api/import", String.join("\n", lines));
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors")).extracting(e -> e.get("line").asInt())
                .containsExactly(6, 8, lines.size() - 1, lines.size());
        assertThat(response.json().at("/errors/1/message").asText()).contains("unknown command 'Enlist'");
        assertThat(response.json().at("/errors/3/field").asText()).isEqualTo("signedBy");
        assertThat(eventCount("many-bad")).isEqualTo(before);
    }

    @Test
    void linesMayComeInAnyOrder() {
        List<String> lines = exampleAs("reversed");
        Collections.reverse(lines);
        Response response = postLines("/api/import", String.join("\n", lines));
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        assertThat(get("/api/coalitions/reversed/members").json().get("members")).hasSize(11);
        assertThat(get("/api/agreements/reversed-cooperation-agreement/commitments").json().get("commitments"))
                .hasSize(10);
    }

    @Test
    void dryRunValidatesWithoutWriting() {
        long before = eventCount("dry-run");
        Response response = postLines("/api/import?dryRun=true", String.join("\n", exampleAs("dry-run")));
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(response.json().get("dryRun").asBoolean()).isTrue();
        assertThat(response.json().get("imported").asLong()).isZero();
        assertThat(eventCount("dry-run")).isEqualTo(before);
        assertThat(get("/api/coalitions/dry-run").status()).isEqualTo(404);
    }

    @Test
    void linesAreCheckedAgainstEachOtherNotOnlyTheLedger() {
        String twice = String.join("\n", exampleAs("twice")) + "\n"
                + "{\"command\":\"JoinCoalition\",\"coalition\":\"twice\",\"party\":\"NL\","
                + "\"effectiveDate\":\"2024-02\",\"source\":{\"title\":\"t\"}}";
        Response response = postLines("/api/import", twice);
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().at("/errors/0/line").asInt()).isEqualTo(twice.lines().count());
        assertThat(response.json().at("/errors/0/message").asText()).contains("already a member");
    }

    @Test
    void aRefusedOrDryRunImportLeavesNoTraceInTheAggregatesItTouched() {
        assertThat(postLines("/api/import", String.join("\n", exampleAs("untouched"))).status()).isEqualTo(201);
        String frJoin = "{\"command\":\"JoinCoalition\",\"coalition\":\"untouched\",\"party\":\"FR\","
                + "\"effectiveDate\":\"2024-05-02\",\"source\":" + SOURCE + "}";
        String frLead = "{\"command\":\"DesignateLead\",\"coalition\":\"untouched\",\"party\":\"PT\","
                + "\"effectiveDate\":\"2024-05-03\",\"source\":" + SOURCE + "}";
        // FR's join is applied to the coalition before the lead of a non-member refuses the whole import
        assertThat(postLines("/api/import", frJoin + "\n" + frLead).status()).isEqualTo(422);
        assertThat(postLines("/api/import?dryRun=true", frJoin).status()).isEqualTo(200);
        // had the coalition kept FR from either, this join would be refused as a second one
        Response joined = post("/api/coalitions/untouched/members",
                               "{\"party\":\"FR\",\"effectiveDate\":\"2024-05-02\",\"source\":" + SOURCE + "}");
        assertThat(joined.status()).as(joined.text()).isEqualTo(201);
    }

    @Test
    void invalidUtf8IsRejected() {
        byte[] body = {'{', '"', (byte) 0xC3, (byte) 0x28, '"', '}', '\n'};
        var response = send(user, org.springframework.http.HttpMethod.POST, "/api/import", body,
                            "application/x-ndjson");
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.text()).contains("UTF-8");
    }

    private Response postCsv(String path, String csv) {
        return send(user, org.springframework.http.HttpMethod.POST, path, csv, "text/csv");
    }

    private static final String CSV = """
            command,coalition,agreement,party,effectiveDate,name,focusAreas,title,commitmentTerm,source.title,source.url
            FormCoalition,csv-coalition,,,2023-05,Spreadsheet coalition,demining; training,,,Minutes,https://ex.org/m
            JoinCoalition,csv-coalition,,PL,2023-06-01,,,,,Minutes,
            RegisterAgreement,csv-coalition,csv-pact,,,,,"Pact, with a comma",P3Y,Minutes,
            SignAgreement,,csv-pact,PL,2023-07,,,,,Minutes,
            """;

    @Test
    void csvImportFollowsTheSameRules() {
        Response dry = postCsv("/api/import?dryRun=true", CSV);
        assertThat(dry.status()).as(dry.text()).isEqualTo(200);
        assertThat(get("/api/coalitions/csv-coalition").status()).isEqualTo(404);

        String bad = CSV.replace("JoinCoalition,csv-coalition,,PL,2023-06-01", "JoinCoalition,csv-coalition,,PL,June");
        Response rejected = postCsv("/api/import", bad);
        assertThat(rejected.status()).isEqualTo(422);
        assertThat(rejected.json().at("/errors/0/line").asInt()).isEqualTo(3);
        assertThat(rejected.json().at("/errors/0/field").asText()).isEqualTo("effectiveDate");

        Response unknownColumn = postCsv("/api/import", CSV.replace("source.url", "source.link"));
        assertThat(unknownColumn.status()).isEqualTo(422);
        assertThat(unknownColumn.json().at("/errors/0/field").asText()).isEqualTo("source.link");

        Response imported = postCsv("/api/import", CSV);
        assertThat(imported.status()).as(imported.text()).isEqualTo(201);
        JsonNode coalition = get("/api/coalitions/csv-coalition").json();
        assertThat(coalition.at("/coalition/focusAreas")).extracting(JsonNode::asText)
                .containsExactly("demining", "training");
        assertThat(coalition.at("/agreements/0/title").asText()).isEqualTo("Pact, with a comma");
        assertThat(get("/api/agreements/csv-pact/commitments").json().at("/commitments/0/end").asText())
                .isEqualTo("2026-07-01");
    }

    @Test
    void aLineWithoutItsTargetIdIsRejectedNotFailed() {
        Response response = postLines("/api/import",
                "{\"command\":\"JoinCoalition\",\"party\":\"NL\",\"effectiveDate\":\"2020\","
                        + "\"source\":{\"title\":\"t\"}}");
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().at("/errors/0/field").asText()).isEqualTo("coalition");
    }

    @Test
    void duplicateIdsWithinOneImportAreNamed() {
        String lines = String.join("\n",
                "{\"command\":\"FormCoalition\",\"coalition\":\"dup-c\",\"name\":\"D\",\"effectiveDate\":\"2020\","
                        + "\"source\":{\"title\":\"t\"}}",
                "{\"command\":\"RegisterAgreement\",\"agreement\":\"dup-a\",\"coalition\":\"dup-c\",\"title\":\"A\","
                        + "\"commitmentTerm\":\"P1Y\",\"source\":{\"title\":\"t\"}}",
                "{\"command\":\"RegisterAgreement\",\"agreement\":\"dup-a\",\"coalition\":\"dup-c\",\"title\":\"B\","
                        + "\"commitmentTerm\":\"P2Y\",\"source\":{\"title\":\"t\"}}");
        Response response = postLines("/api/import", lines);
        assertThat(response.status()).as(response.text()).isEqualTo(422);
        assertThat(response.json().get("errors")).hasSize(1);
        assertThat(response.json().at("/errors/0/line").asInt()).isEqualTo(3);
        assertThat(response.json().at("/errors/0/message").asText()).contains("already used");
    }

    @Test
    void aRejectedLineDoesNotMisleadTheChecksOfLaterLines() {
        String lines = String.join("\n",
                "{\"command\":\"FormCoalition\",\"coalition\":\"cascade\",\"name\":\"C\",\"effectiveDate\":\"2019\","
                        + "\"source\":{\"title\":\"t\"}}",
                "{\"command\":\"JoinCoalition\",\"coalition\":\"cascade\",\"party\":\"NL\",\"effectiveDate\":\"2020\","
                        + "\"source\":{\"title\":\"t\"}}",
                "{\"command\":\"JoinCoalition\",\"coalition\":\"cascade\",\"party\":\"NL\",\"effectiveDate\":\"2021\","
                        + "\"source\":{\"title\":\"t\"}}",
                "{\"command\":\"LeaveCoalition\",\"coalition\":\"cascade\",\"party\":\"NL\",\"effectiveDate\":\"2022\","
                        + "\"source\":{\"title\":\"t\"}}");
        Response response = postLines("/api/import", lines);
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors")).extracting(e -> e.get("line").asInt()).containsExactly(3);
        assertThat(response.json().at("/errors/0/message").asText()).contains("already a member");
    }

    @Test
    void unreadableCsvIsRejected() {
        byte[] body = {'c', 'o', 'm', 'm', 'a', 'n', 'd', ',', 'n', 'a', 'm', 'e', '\n', 'F', ',', 'C', (byte) 0xF4,
                't', 'e', '\n'};
        var response = send(user, org.springframework.http.HttpMethod.POST, "/api/import", body, "text/csv");
        assertThat(response.status()).isEqualTo(422);
        assertThat(get("/api/coalitions/x/members?asOf=+999999999-12-31").status()).isEqualTo(400);
        assertThat(get("/api/commitments?endingWithin=P1D&asOf=9999-12-31").status()).isEqualTo(200);
    }
}
