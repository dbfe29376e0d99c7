package org.coalitionledger.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The treaty lifecycle of an agreement over HTTP: consents, entry into force, notices of withdrawal, the parties
 * answer on both clocks and by replay, and the commitments that start on entry into force.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TreatyHttpTest extends SharedLedgerHttpTest {

    /** A coalition and its treaty: commitments for six years from entry into force, 90 days after 2 consents. */
    private String newTreaty(String rules) {
        String coalition = uniqueId("tr");
        assertThat(post("/api/coalitions", """
                {"coalition":"%s","name":"Treaty parties","effectiveDate":"2020","source":%s}"""
                                .formatted(coalition, SOURCE)).status()).isEqualTo(201);
        String agreement = coalition + "-treaty";
        Response registered = post("/api/agreements", """
                {"agreement":"%s","coalition":"%s","title":"Treaty","commitmentTerm":"P6Y",%s"source":%s}"""
                .formatted(agreement, coalition, rules, SOURCE));
        assertThat(registered.status()).as(registered.text()).isEqualTo(201);
        return agreement;
    }

    private String act(String agreement, String path, String body) {
        Response response = post("/api/agreements/" + agreement + "/" + path,
                                 body.substring(0, body.length() - 1) + ",\"source\":" + SOURCE + "}");
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.json().get("recordId").asText();
    }

    private JsonNode parties(String agreement, String asOf, Instant knownAt, String mode) {
        Response response = get("/api/agreements/" + agreement + "/parties?asOf=" + asOf
                                        + (knownAt == null ? "" : "&knownAt=" + knownAt)
                                        + (mode == null ? "" : "&mode=" + mode));
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    /** The answer less its knownAt, which defaults to the moment of each request. */
    private static JsonNode withoutKnownAt(JsonNode answer) {
        com.fasterxml.jackson.databind.node.ObjectNode copy = answer.deepCopy();
        copy.remove("knownAt");
        return copy;
    }

    private static final String RULES = "\"commitmentStarts\":\"ENTRY_INTO_FORCE\","
            + "\"entryIntoForce\":{\"afterConsents\":2,\"delay\":\"P90D\"},\"withdrawalNotice\":\"P6M\",";

    @Test
    void partiesFollowConsentsEntryIntoForceAndNotices() {
        String treaty = newTreaty(RULES);
        act(treaty, "signatures", "{\"party\":\"LV\",\"effectiveDate\":\"2024-01-10\"}");
        act(treaty, "consents", "{\"party\":\"LV\",\"effectiveDate\":\"2024-05-01\",\"means\":\"RATIFICATION\"}");
        act(treaty, "consents", "{\"party\":\"EE\",\"effectiveDate\":\"2024-07\",\"means\":\"ACCESSION\"}");
        act(treaty, "signatures", "{\"party\":\"LT\",\"effectiveDate\":\"2024-02-01\"}");
        act(treaty, "withdrawal-notices", "{\"party\":\"LV\",\"effectiveDate\":\"2025-01-10\"}");

        JsonNode august = parties(treaty, "2024-08-01", null, null);
        assertThat(august.get("agreement").asText()).isEqualTo(treaty);
        assertThat(august.get("entryIntoForce").isNull()).isTrue();
        assertThat(august.at("/parties/0/party").asText()).isEqualTo("EE");
        assertThat(august.at("/parties/0/status").asText()).isEqualTo("CONSENTED");
        assertThat(august.at("/parties/0/means").asText()).isEqualTo("ACCESSION");
        assertThat(august.at("/parties/0/signed").isNull()).isTrue();
        assertThat(august.at("/parties/1/status").asText()).isEqualTo("SIGNATORY");

        JsonNode october = parties(treaty, "2024-10-01", null, null);
        assertThat(october.at("/entryIntoForce/date").asText()).isEqualTo("2024-09-29");
        assertThat(october.at("/entryIntoForce/precision").asText()).isEqualTo("DAY");
        assertThat(october.at("/entryIntoForce/certain").asBoolean()).isTrue();
        JsonNode latvia = october.at("/parties/2");
        assertThat(latvia.get("name").asText()).isEqualTo("Latvia");
        assertThat(latvia.get("status").asText()).isEqualTo("PARTY");
        assertThat(latvia.get("signed").asText()).isEqualTo("2024-01-10");
        assertThat(latvia.get("consented").asText()).isEqualTo("2024-05-01");
        assertThat(latvia.get("inForceFrom").asText()).isEqualTo("2024-09-29");
        assertThat(latvia.get("withdrawalNotified").isNull()).isTrue();

        JsonNode noticed = parties(treaty, "2025-02-01", null, null);
        assertThat(noticed.at("/parties/2/status").asText()).isEqualTo("WITHDRAWAL_NOTIFIED");
        assertThat(noticed.at("/parties/2/withdrawalTakesEffect").asText()).isEqualTo("2025-07-10");
        assertThat(parties(treaty, "2025-07-10", null, null).at("/parties/2/status").asText())
                .isEqualTo("WITHDRAWN");
        assertThat(withoutKnownAt(parties(treaty, "2025-02-01", null, "replay"))).isEqualTo(withoutKnownAt(noticed));

        String commitments = "/api/agreements/" + treaty + "/commitments?asOf=2025-02-01";
        JsonNode committed = get(commitments).json();
        assertThat(committed.at("/commitments/0/party").asText()).isEqualTo("EE");
        assertThat(committed.at("/commitments/0/start").asText()).isEqualTo("2024-09-29");
        assertThat(committed.at("/commitments/0/end").asText()).isEqualTo("2030-09-29");
        assertThat(committed.at("/commitments/1/party").asText()).isEqualTo("LV");
        assertThat(get(commitments.replace("2025-02-01", "2025-08-01")).json().at("/commitments/1/status").asText())
                .isEqualTo("WITHDRAWN");
        assertThat(get(commitments + "&mode=replay").json().get("commitments"))
                .isEqualTo(committed.get("commitments"));
    }

    @Test
    void correctingAConsentMovesEntryIntoForceOnBothClocks() throws Exception {
        String treaty = newTreaty(RULES);
        act(treaty, "consents", "{\"party\":\"LV\",\"effectiveDate\":\"2024-05-01\",\"means\":\"ACCESSION\"}");
        String estonia = act(treaty, "consents",
                             "{\"party\":\"EE\",\"effectiveDate\":\"2024-07-01\",\"means\":\"ACCESSION\"}");
        Instant before = Moments.betweenRecordings();
        Response corrected = post("/api/records/" + estonia + "/correction",
                                  "{\"effectiveDate\":\"2024-06-01\",\"reason\":\"the instrument\",\"source\":%s}"
                                          .formatted(SOURCE));
        assertThat(corrected.status()).as(corrected.text()).isEqualTo(201);

        assertThat(parties(treaty, "2024-12-01", before, null).at("/entryIntoForce/date").asText())
                .isEqualTo("2024-09-29");
        assertThat(parties(treaty, "2024-12-01", null, null).at("/entryIntoForce/date").asText())
                .isEqualTo("2024-08-30");
        assertThat(parties(treaty, "2024-12-01", before, "replay"))
                .isEqualTo(parties(treaty, "2024-12-01", before, null));
        String commitments = "/api/agreements/" + treaty + "/commitments?asOf=2024-12-01";
        assertThat(get(commitments + "&knownAt=" + before).json().at("/commitments/0/start").asText())
                .isEqualTo("2024-09-29");
        assertThat(get(commitments).json().at("/commitments/1/start").asText()).isEqualTo("2024-08-30");
        assertThat(get(commitments + "&mode=replay").json().get("commitments"))
                .isEqualTo(get(commitments).json().get("commitments"));
    }

    @Test
    void refusedTreatyActsNameTheRuleAndWriteNothing() {
        String treaty = newTreaty(RULES);
        long events = eventCount(treaty);
        Response unsigned = post("/api/agreements/" + treaty + "/consents", """
                {"party":"LV","effectiveDate":"2024-05-01","means":"RATIFICATION","source":%s}""".formatted(SOURCE));
        assertThat(unsigned.status()).isEqualTo(409);
        assertThat(unsigned.json().get("field").asText()).isEqualTo("means");
        assertThat(unsigned.json().get("detail").asText()).contains("needs a signature");
        Response derived = post("/api/agreements/" + treaty + "/entry-into-force", """
                {"effectiveDate":"2024-05-01","source":%s}""".formatted(SOURCE));
        assertThat(derived.status()).isEqualTo(409);
        assertThat(derived.json().get("detail").asText()).contains("afterConsents");
        Response badMeans = post("/api/agreements/" + treaty + "/consents", """
                {"party":"LV","effectiveDate":"2024-05-01","means":"SIGNATURE","source":%s}""".formatted(SOURCE));
        assertThat(badMeans.status()).isEqualTo(400);
        assertThat(badMeans.json().get("field").asText()).isEqualTo("means");
        Response nothingToLeave = post("/api/agreements/" + treaty + "/withdrawal-notices", """
                {"party":"LV","effectiveDate":"2024-05-01","source":%s}""".formatted(SOURCE));
        assertThat(nothingToLeave.status()).isEqualTo(409);
        assertThat(eventCount(treaty)).isEqualTo(events);
        assertThat(get("/api/agreements/no-such-treaty/parties").status()).isEqualTo(404);
    }

    @Test
    void recordedEntryIntoForceAndAgreementsWithoutRules() {
        String treaty = newTreaty("\"commitmentStarts\":\"ENTRY_INTO_FORCE\","
                                          + "\"entryIntoForce\":{\"delay\":\"P30D\"},");
        act(treaty, "consents", "{\"party\":\"LV\",\"effectiveDate\":\"2024-05-01\",\"means\":\"ACCESSION\"}");
        act(treaty, "entry-into-force", "{\"effectiveDate\":\"2024-09\"}");
        act(treaty, "consents", "{\"party\":\"EE\",\"effectiveDate\":\"2024-10-15\",\"means\":\"ACCESSION\"}");
        Response noPeriod = post("/api/agreements/" + treaty + "/withdrawal-notices", """
                {"party":"LV","effectiveDate":"2025-01-10","source":%s}""".formatted(SOURCE));
        assertThat(noPeriod.status()).isEqualTo(400);
        assertThat(noPeriod.json().get("field").asText()).isEqualTo("takesEffect");
        JsonNode september = parties(treaty, "2024-09-15", null, null);
        assertThat(september.at("/entryIntoForce/date").asText()).isEqualTo("2024-09");
        assertThat(september.at("/entryIntoForce/precision").asText()).isEqualTo("MONTH");
        assertThat(september.at("/entryIntoForce/certain").asBoolean()).isFalse();
        assertThat(september.at("/parties/0/inForceFrom").asText()).isEqualTo("2024-09");
        JsonNode december = parties(treaty, "2024-12-01", null, null);
        assertThat(december.at("/parties/0/party").asText()).isEqualTo("EE");
        assertThat(december.at("/parties/0/inForceFrom").asText()).isEqualTo("2024-11-14");
        assertThat(withoutKnownAt(parties(treaty, "2024-12-01", null, "replay"))).isEqualTo(withoutKnownAt(december));

        String plain = newTreaty("");
        act(plain, "signatures", "{\"party\":\"LV\",\"effectiveDate\":\"2024-01-10\"}");
        JsonNode signatory = parties(plain, "2024-02-01", null, null);
        assertThat(signatory.at("/parties/0/status").asText()).isEqualTo("SIGNATORY");
        assertThat(get("/api/agreements/" + plain + "/commitments?asOf=2024-02-01").json()
                           .at("/commitments/0/start").asText()).isEqualTo("2024-01-10");
    }

    @Test
    void theOpenApiDocumentListsTheTreatyEndpoints() {
        JsonNode paths = get("/v3/api-docs").json().get("paths");
        assertThat(paths.has("/api/agreements/{agreement}/parties")).isTrue();
        assertThat(paths.has("/api/agreements/{agreement}/consents")).isTrue();
        assertThat(paths.has("/api/agreements/{agreement}/entry-into-force")).isTrue();
        assertThat(paths.has("/api/agreements/{agreement}/withdrawal-notices")).isTrue();
    }
}
