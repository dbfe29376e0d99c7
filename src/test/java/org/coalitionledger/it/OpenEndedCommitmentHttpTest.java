package org.coalitionledger.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpMethod;

import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An agreement registered without a commitment term: its commitments are open-ended (no end, no days left), never
 * "ending soon", the same by replay, and the registration leaves the term out of the export and comes in from a CSV
 * row with an empty term.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenEndedCommitmentHttpTest extends SharedLedgerHttpTest {

    @Test
    void anAgreementWithoutATermCommitsOpenEndedly() {
        String coalition = uniqueId("oe");
        assertThat(post("/api/coalitions", """
                {"coalition":"%s","name":"Open ended","effectiveDate":"2020","source":%s}"""
                                .formatted(coalition, SOURCE)).status()).isEqualTo(201);
        String open = coalition + "-open";
        String termed = coalition + "-termed";
        Response registered = post("/api/agreements", """
                {"agreement":"%s","coalition":"%s","title":"Open","source":%s}""".formatted(open, coalition, SOURCE));
        assertThat(registered.status()).as(registered.text()).isEqualTo(201);
        assertThat(post("/api/agreements", """
                {"agreement":"%s","coalition":"%s","title":"Termed","commitmentTerm":"P1Y","source":%s}"""
                                .formatted(termed, coalition, SOURCE)).status()).isEqualTo(201);
        for (String agreement : List.of(open, termed)) {
            assertThat(post("/api/agreements/" + agreement + "/signatures", """
                    {"party":"LV","effectiveDate":"2024-01-10","source":%s}""".formatted(SOURCE)).status())
                    .isEqualTo(201);
        }
        Response blank = post("/api/agreements", """
                {"agreement":"%s","coalition":"%s","title":"Bad","commitmentTerm":"forever","source":%s}"""
                                      .formatted(coalition + "-bad", coalition, SOURCE));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.json().get("field").asText()).isEqualTo("commitmentTerm");

        JsonNode later = get("/api/agreements/" + open + "/commitments?asOf=2090-01-01").json();
        assertThat(later.get("commitmentTerm").isNull()).isTrue();
        JsonNode commitment = later.at("/commitments/0");
        assertThat(commitment.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(commitment.get("end").isNull()).as(commitment.toString()).isTrue();
        assertThat(commitment.get("daysRemaining").isNull()).isTrue();
        JsonNode replayed = get("/api/agreements/" + open + "/commitments?asOf=2090-01-01&mode=replay").json();
        ((com.fasterxml.jackson.databind.node.ObjectNode) replayed).remove("knownAt");
        ((com.fasterxml.jackson.databind.node.ObjectNode) later).remove("knownAt");
        assertThat(replayed).isEqualTo(later);

        JsonNode ending = get("/api/commitments?endingWithin=P10Y&asOf=2024-06-01").json().get("commitments");
        List<String> agreements = StreamSupport.stream(ending.spliterator(), false)
                .map(c -> c.get("agreement").asText()).toList();
        assertThat(agreements).as("the termed one ends, the open-ended one does not").contains(termed)
                .doesNotContain(open);

        assertThat(post("/api/agreements/" + open + "/withdrawals", """
                {"party":"LV","effectiveDate":"2025-05-01","source":%s}""".formatted(SOURCE)).status())
                .isEqualTo(201);
        JsonNode withdrawn = get("/api/agreements/" + open + "/commitments?asOf=2026-01-01").json()
                .at("/commitments/0");
        assertThat(withdrawn.get("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.get("end").asText()).isEqualTo("2025-05-01");

        String line = get("/api/export").text().lines().filter(l -> l.contains("\"agreement\":\"" + open + "\"")
                && l.contains("RegisterAgreement")).findFirst().orElseThrow();
        assertThat(line).doesNotContain("commitmentTerm");

        JsonNode schema = get("/v3/api-docs").json().at("/components/schemas/RegisterAgreementRequest");
        assertThat(schema.at("/properties/commitmentTerm/type").asText()).isEqualTo("string");
        assertThat(schema.path("required")).extracting(JsonNode::asText).doesNotContain("commitmentTerm");

        String pact = coalition + "-csv";
        Response csv = send(user, HttpMethod.POST, "/api/import", """
                command,coalition,agreement,party,effectiveDate,title,commitmentTerm,source.title
                RegisterAgreement,%1$s,%2$s,,,CSV pact,,Minutes
                SignAgreement,,%2$s,PL,2023-07,,,Minutes
                """.formatted(coalition, pact), "text/csv");
        assertThat(csv.status()).as(csv.text()).isEqualTo(201);
        JsonNode imported = get("/api/agreements/" + pact + "/commitments?asOf=2080-01-01").json();
        assertThat(imported.at("/commitments/0/status").asText()).isEqualTo("ACTIVE");
        assertThat(imported.at("/commitments/0/end").isNull()).isTrue();
    }
}
