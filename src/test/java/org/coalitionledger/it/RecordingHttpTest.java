package org.coalitionledger.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Records acts through the REST API and reads them back, and checks how bad requests are answered. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RecordingHttpTest extends SharedLedgerHttpTest {

    private String newCoalition() {
        String id = "c-" + UUID.randomUUID().toString().substring(0, 8);
        Response formed = post("/api/coalitions", """
                {"coalition":"%s","name":"Test coalition","parentGroup":"UDCG","focusAreas":["cyber"],
                 "effectiveDate":"2020-01","source":%s}""".formatted(id, SOURCE));
        assertThat(formed.status()).as(formed.text()).isEqualTo(201);
        assertThat(formed.headers().getLocation()).hasToString("/api/coalitions/" + id);
        return id;
    }

    private Response act(String coalition, String endpoint, String party, String date) {
        return post("/api/coalitions/" + coalition + "/" + endpoint, """
                {"party":"%s","effectiveDate":"%s","source":%s}""".formatted(party, date, SOURCE));
    }

    @Test
    void readAfterWriteSeesTheAct() {
        String id = newCoalition();
        Response joined = act(id, "members", "LV", "2021-03-04");
        assertThat(joined.status()).isEqualTo(201);
        assertThat(joined.json().get("recordId").asText()).hasSize(36);
        assertThat(joined.json().get("command").asText()).isEqualTo("JoinCoalition");
        assertThat(joined.json().get("visible").asBoolean()).isTrue();
        JsonNode members = get("/api/coalitions/" + id + "/members").json().get("members");
        assertThat(members).hasSize(1);
        assertThat(members.get(0).get("party").asText()).isEqualTo("LV");
        assertThat(members.get(0).get("name").asText()).isEqualTo("Latvia");
        assertThat(members.get(0).get("role").asText()).isEqualTo("MEMBER");
    }

    @Test
    void memberOnTheDayBeforeDepartureAndNotOnIt() {
        String id = newCoalition();
        assertThat(act(id, "members", "DK", "2020-01-15").status()).isEqualTo(201);
        assertThat(act(id, "departures", "DK", "2020-02-01").status()).isEqualTo(201);
        assertThat(get("/api/coalitions/" + id + "/members?asOf=2020-01-31").json().get("members")).hasSize(1);
        assertThat(get("/api/coalitions/" + id + "/members?asOf=2020-02-01").json().get("members")).isEmpty();
        assertThat(get("/api/coalitions/" + id + "/members?asOf=2020-01-14").json().get("members")).isEmpty();
    }

    @Test
    void intendingPartyIsListedUntilItJoins() {
        String id = newCoalition();
        assertThat(act(id, "intents", "GB", "2021-01-10").status()).isEqualTo(201);
        JsonNode before = get("/api/coalitions/" + id + "/members?asOf=2021-02-01").json();
        assertThat(before.get("intending")).hasSize(1);
        assertThat(before.get("members")).isEmpty();
        assertThat(act(id, "members", "GB", "2021-03-01").status()).isEqualTo(201);
        JsonNode after = get("/api/coalitions/" + id + "/members").json();
        assertThat(after.get("intending")).isEmpty();
        assertThat(after.get("members")).hasSize(1);
    }

    @Test
    void leadLosesRoleWhenLeaving() {
        String id = newCoalition();
        act(id, "members", "EE", "2020-02-01");
        assertThat(act(id, "leads", "EE", "2020-02-01").status()).isEqualTo(201);
        assertThat(get("/api/coalitions/" + id + "/members?asOf=2020-03-01").json().at("/members/0/role").asText())
                .isEqualTo("LEAD");
        assertThat(act(id, "departures", "EE", "2022-01-01").status()).isEqualTo(201);
        assertThat(get("/api/coalitions/" + id + "/members").json().get("members")).isEmpty();
    }

    @Test
    void conflictingActIsRejectedWithFieldAndNothingWritten() {
        String id = newCoalition();
        act(id, "members", "NL", "2021-01");
        long before = eventCount(id);
        Response twice = act(id, "members", "NL", "2021-06-01");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.headers().getContentType()).hasToString("application/problem+json");
        assertThat(twice.json().get("field").asText()).isEqualTo("party");
        assertThat(twice.json().get("detail").asText()).contains("already a member");
        assertThat(eventCount(id)).isEqualTo(before);
    }

    @Test
    void malformedInputIsRejectedNamingTheField() {
        String id = newCoalition();
        assertProblem(act(id, "members", "XX", "2021-01"), 400, "party");
        assertProblem(act(id, "members", "FR", "2021-13"), 400, "effectiveDate");
        assertProblem(post("/api/coalitions/" + id + "/members",
                           "{\"party\":\"FR\",\"effectiveDate\":\"2021\",\"source\":" + SOURCE + ",\"extra\":1}"),
                      400, "extra");
        assertProblem(post("/api/coalitions/" + id + "/members", "{\"party\":\"FR\",\"effectiveDate\":\"2021\"}"),
                      400, "source");
        assertProblem(post("/api/coalitions/" + id + "/members",
                           "{\"party\":[1],\"effectiveDate\":\"2021\",\"source\":" + SOURCE + "}"), 400, "party");
        assertProblem(post("/api/coalitions/" + id + "/members",
                           "{\"coalition\":\"other\",\"party\":\"FR\",\"effectiveDate\":\"2021\",\"source\":"
                                   + SOURCE + "}"), 400, "coalition");
        assertProblem(post("/api/coalitions", "{\"coalition\":\"Bad Id!\",\"name\":\"x\",\"effectiveDate\":\"2021\","
                + "\"source\":" + SOURCE + "}"), 400, "coalition");
        assertProblem(get("/api/coalitions/" + id + "/members?asOf=yesterday"), 400, "asOf");
        assertProblem(get("/api/commitments?endingWithin=90"), 400, "endingWithin");
        Response broken = post("/api/coalitions/" + id + "/members", "{\"party\":");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.text()).doesNotContain("com.fasterxml", "Exception", "org.");
        Response empty = post("/api/coalitions/" + id + "/members", "");
        assertThat(empty.status()).isEqualTo(400);
    }

    @Test
    void everyFieldAtFaultIsNamedAtOnceAndNothingIsWritten() {
        String id = newCoalition();
        long before = eventCount(id);
        Response refused = post("/api/coalitions/" + id + "/members", """
                {"party":"xx","effectiveDate":"2021-13","source":{"url":"ftp://example.org"},"notes":"%s"}"""
                .formatted("n".repeat(4_001)));
        assertProblem(refused, 400, "party");
        assertThat(refused.json().get("errors").findValuesAsText("field"))
                .containsExactly("party", "effectiveDate", "source.url", "notes");
        assertThat(eventCount(id)).isEqualTo(before);
    }

    @Test
    void unknownIdsAnswer404() {
        assertProblem(act("no-such-coalition", "members", "FR", "2021"), 404, "coalition");
        assertProblem(get("/api/coalitions/no-such-coalition/members"), 404, "coalition");
        assertProblem(get("/api/coalitions/no-such-coalition"), 404, "coalition");
        assertProblem(get("/api/coalitions/no-such-coalition/history"), 404, "coalition");
        assertProblem(get("/api/agreements/no-such/commitments"), 404, "agreement");
        assertProblem(post("/api/agreements/no-such/signatures",
                           "{\"party\":\"FR\",\"effectiveDate\":\"2021\",\"source\":" + SOURCE + "}"), 404,
                      "agreement");
        assertProblem(post("/api/agreements", """
                {"agreement":"a-%s","coalition":"no-such-coalition","title":"T","commitmentTerm":"P6Y",
                 "source":%s}""".formatted(UUID.randomUUID().toString().substring(0, 8), SOURCE)), 404, "coalition");
    }

    @Test
    void idsAreUniqueAcrossCoalitionsAndAgreements() {
        String id = newCoalition();
        assertProblem(post("/api/agreements", """
                {"agreement":"%s","coalition":"%s","title":"T","commitmentTerm":"P6Y","source":%s}"""
                                   .formatted(id, id, SOURCE)), 409, "agreement");
        String agreement = id + "-agreement";
        assertThat(post("/api/agreements", """
                {"agreement":"%s","coalition":"%s","title":"T","commitmentTerm":"P6Y","source":%s}"""
                                .formatted(agreement, id, SOURCE)).status()).isEqualTo(201);
        assertProblem(post("/api/coalitions", """
                {"coalition":"%s","name":"x","effectiveDate":"2021","source":%s}""".formatted(agreement, SOURCE)),
                      409, "coalition");
        assertProblem(act(agreement, "members", "FR", "2021"), 404, "coalition");
        assertProblem(post("/api/agreements/" + id + "/signatures",
                           "{\"party\":\"FR\",\"effectiveDate\":\"2021\",\"source\":" + SOURCE + "}"), 404,
                      "agreement");
    }

    @Test
    void commitmentsFollowSignaturesWithdrawalsAndTerms() {
        String id = newCoalition();
        String agreement = id + "-pact";
        assertThat(post("/api/agreements", """
                {"agreement":"%s","coalition":"%s","title":"Pact","commitmentTerm":"P2Y","source":%s}"""
                                .formatted(agreement, id, SOURCE)).status()).isEqualTo(201);
        String sign = "{\"party\":\"%s\",\"effectiveDate\":\"%s\",\"source\":" + SOURCE + "}";
        assertThat(post("/api/agreements/" + agreement + "/signatures", sign.formatted("LV", "2021-05-01")).status())
                .isEqualTo(201);
        assertThat(post("/api/agreements/" + agreement + "/signatures", sign.formatted("LT", "2024-11")).status())
                .isEqualTo(201);
        assertThat(post("/api/agreements/" + agreement + "/signatures", sign.formatted("EE", "2024-06-01")).status())
                .isEqualTo(201);
        assertThat(post("/api/agreements/" + agreement + "/withdrawals", sign.formatted("EE", "2025-01-01"))
                           .status()).isEqualTo(201);
        assertProblem(post("/api/agreements/" + agreement + "/signatures", sign.formatted("LT", "2025-01-01")), 409,
                      "party");

        JsonNode onDay = get("/api/agreements/" + agreement + "/commitments?asOf=2024-12-01").json();
        assertThat(onDay.get("asOf").asText()).isEqualTo("2024-12-01");
        assertThat(status(onDay, "LV")).isEqualTo("EXPIRED");
        assertThat(status(onDay, "LT")).isEqualTo("ACTIVE");
        assertThat(status(onDay, "EE")).isEqualTo("ACTIVE");
        JsonNode later = get("/api/agreements/" + agreement + "/commitments?asOf=2025-06-01").json();
        assertThat(status(later, "EE")).isEqualTo("WITHDRAWN");
        assertThat(commitment(later, "EE").get("end").asText()).isEqualTo("2025-01-01");
        assertThat(commitment(later, "LT").get("end").asText()).isEqualTo("2026-11-01");
        assertThat(commitment(later, "LT").get("daysRemaining").asLong()).isEqualTo(518);

        JsonNode ending = get("/api/commitments?endingWithin=P90D&asOf=2026-09-01").json();
        assertThat(ending.get("commitments")).anySatisfy(c -> {
            assertThat(c.get("agreement").asText()).isEqualTo(agreement);
            assertThat(c.get("party").asText()).isEqualTo("LT");
        });
        assertThat(get("/api/commitments?endingWithin=P30D&asOf=2026-09-01").json().get("commitments"))
                .noneSatisfy(c -> assertThat(c.get("agreement").asText()).isEqualTo(agreement));
    }

    @Test
    void openApiDocumentDescribesTheApi() {
        Response api = get("/v3/api-docs");
        assertThat(api.status()).isEqualTo(200);
        assertThat(api.json().at("/paths").has("/api/coalitions/{coalition}/members")).isTrue();
        assertThat(api.json().at("/paths").has("/api/import")).isTrue();
    }

    private static String status(JsonNode response, String party) {
        return commitment(response, party).get("status").asText();
    }

    private static JsonNode commitment(JsonNode response, String party) {
        for (JsonNode c : response.get("commitments")) {
            if (c.get("party").asText().equals(party)) {
                return c;
            }
        }
        throw new AssertionError("no commitment of " + party + " in " + response);
    }

    static void assertProblem(Response response, int status, String field) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.json().get("field").asText()).as(response.text()).isEqualTo(field);
        assertThat(response.json().get("detail").asText()).isNotBlank();
        assertThat(response.text()).doesNotContain("Exception", "at org.", "java.");
    }
}
