package org.coalitionledger.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Both clocks over HTTP: as-of answers, corrections and retractions seen or unseen on either side of knownAt. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TimeTravelHttpTest extends SharedLedgerHttpTest {

    private String newCoalition() {
        String id = "t-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(post("/api/coalitions", """
                {"coalition":"%s","name":"Time travel","effectiveDate":"2020","source":%s}"""
                                .formatted(id, SOURCE)).status()).isEqualTo(201);
        return id;
    }

    private String act(String path, String party, String date) {
        Response response = post(path, "{\"party\":\"%s\",\"effectiveDate\":\"%s\",\"source\":%s}"
                .formatted(party, date, SOURCE));
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.json().get("recordId").asText();
    }

    private Response correct(String recordId, String date) {
        return post("/api/records/" + recordId + "/correction",
                    "{\"effectiveDate\":\"%s\",\"reason\":\"a better source\",\"source\":%s}".formatted(date, SOURCE));
    }

    private Response retract(String recordId) {
        return post("/api/records/" + recordId + "/retraction",
                    "{\"reason\":\"reported in error\",\"source\":%s}".formatted(SOURCE));
    }

    private JsonNode members(String coalition, String asOf, Instant knownAt, String mode) {
        Response response = get("/api/coalitions/" + coalition + "/members?asOf=" + asOf
                                         + (knownAt == null ? "" : "&knownAt=" + knownAt)
                                         + (mode == null ? "" : "&mode=" + mode));
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    @Test
    void correctionIsSeenAfterItsRecordTimeAndNotBefore() throws Exception {
        String id = newCoalition();
        String join = act("/api/coalitions/" + id + "/members", "NL", "2024-02-01");
        Instant beforeCorrection = Moments.betweenRecordings();
        Response corrected = correct(join, "2024-01");
        assertThat(corrected.status()).as(corrected.text()).isEqualTo(201);
        assertThat(corrected.json().get("command").asText()).isEqualTo("CorrectRecord");

        JsonNode then = members(id, "2024-01-31", beforeCorrection, null);
        assertThat(then.get("members")).isEmpty();
        assertThat(then.get("asOf").asText()).isEqualTo("2024-01-31");
        assertThat(Instant.parse(then.get("knownAt").asText())).isEqualTo(beforeCorrection);

        JsonNode now = members(id, "2024-01-30", null, null);
        assertThat(now.at("/members/0/party").asText()).isEqualTo("NL");
        assertThat(now.at("/members/0/since").asText()).isEqualTo("2024-01");
        assertThat(now.at("/members/0/precision").asText()).isEqualTo("MONTH");
        assertThat(now.at("/members/0/certain").asBoolean()).isFalse();
        // a join in January has certainly happened by 31 January
        assertThat(members(id, "2024-01-31", null, null).at("/members/0/certain").asBoolean()).isTrue();
        assertThat(members(id, "2024-02-01", null, null).at("/members/0/certain").asBoolean()).isTrue();

        JsonNode history = get("/api/coalitions/" + id + "/history").json();
        JsonNode entry = history.at("/entries/1");
        assertThat(entry.get("effectiveDate").asText()).isEqualTo("2024-01");
        assertThat(entry.get("recordedDate").asText()).isEqualTo("2024-02-01");
        assertThat(entry.at("/corrections/0/previousEffectiveDate").asText()).isEqualTo("2024-02-01");
        assertThat(entry.at("/corrections/0/reason").asText()).isEqualTo("a better source");
        JsonNode oldHistory = get("/api/coalitions/" + id + "/history?knownAt=" + beforeCorrection).json();
        assertThat(oldHistory.at("/entries/1/effectiveDate").asText()).isEqualTo("2024-02-01");
        assertThat(oldHistory.at("/entries/1/corrections")).isEmpty();
    }

    @Test
    void correctingASignatureMovesTheCommitmentEnd() throws Exception {
        String id = newCoalition();
        String agreement = id + "-pact";
        assertThat(post("/api/agreements", """
                {"agreement":"%s","coalition":"%s","title":"Pact","commitmentTerm":"P6Y","source":%s}"""
                                .formatted(agreement, id, SOURCE)).status()).isEqualTo(201);
        String signature = act("/api/agreements/" + agreement + "/signatures", "LV", "2024-02-14");
        Instant before = Moments.betweenRecordings();
        assertThat(correct(signature, "2024-03-01").status()).isEqualTo(201);
        String path = "/api/agreements/" + agreement + "/commitments?asOf=2025-01-01";
        assertThat(get(path + "&knownAt=" + before).json().at("/commitments/0/end").asText())
                .isEqualTo("2030-02-14");
        assertThat(get(path).json().at("/commitments/0/end").asText()).isEqualTo("2030-03-01");
        assertThat(get(path + "&mode=replay").json().get("commitments"))
                .isEqualTo(get(path).json().get("commitments"));
        assertThat(get(path + "&mode=replay&knownAt=" + before).json().get("commitments"))
                .isEqualTo(get(path + "&knownAt=" + before).json().get("commitments"));
    }

    @Test
    void correctionThatPutsADepartureBeforeItsJoinIsRejected() {
        String id = newCoalition();
        act("/api/coalitions/" + id + "/members", "DK", "2021-05-01");
        String departure = act("/api/coalitions/" + id + "/departures", "DK", "2022-05-01");
        long before = eventCount(id);
        Response rejected = correct(departure, "2021-04");
        assertThat(rejected.status()).as(rejected.text()).isEqualTo(409);
        assertThat(rejected.json().get("detail").asText()).contains("not a member");
        assertThat(eventCount(id)).isEqualTo(before);
    }

    @Test
    void retractionStopsCountingFromItsRecordTime() throws Exception {
        String id = newCoalition();
        String join = act("/api/coalitions/" + id + "/members", "IS", "2021-01-01");
        Instant before = Moments.betweenRecordings();
        assertThat(retract(join).status()).isEqualTo(201);
        assertThat(members(id, "2022-01-01", before, null).get("members")).hasSize(1);
        assertThat(members(id, "2022-01-01", null, null).get("members")).isEmpty();
        assertThat(members(id, "2022-01-01", before, "replay").get("members")).hasSize(1);
        assertThat(members(id, "2022-01-01", null, "replay").get("members")).isEmpty();
        assertThat(get("/api/coalitions/" + id + "/history").json().at("/entries/1/retracted").asBoolean())
                .isTrue();
        Response again = retract(join);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("field").asText()).isEqualTo("recordId");
    }

    @Test
    void retractingAJoinThatADepartureNeedsIsRejected() {
        String id = newCoalition();
        String join = act("/api/coalitions/" + id + "/members", "IT", "2021-01-01");
        act("/api/coalitions/" + id + "/departures", "IT", "2022-01-01");
        Response rejected = retract(join);
        assertThat(rejected.status()).isEqualTo(409);
        assertThat(rejected.json().get("detail").asText()).contains("retracting the join");
    }

    @Test
    void unknownOrUncorrectableRecordsAreRefused() {
        Response unknown = correct("00000000-0000-0000-0000-000000000000", "2021");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("field").asText()).isEqualTo("recordId");
        String id = newCoalition();
        String formation = get("/api/coalitions/" + id + "/history").json().at("/entries/0/recordId").asText();
        assertThat(retract(formation).status()).isEqualTo(409);
        Response future = correct(formation, "2999");
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.json().get("field").asText()).isEqualTo("effectiveDate");
        Response registered = post("/api/agreements", """
                {"agreement":"%s-agreement","coalition":"%s","title":"Agreement","commitmentTerm":"P1Y",
                 "effectiveDate":"2020-06","source":%s}""".formatted(id, id, SOURCE));
        assertThat(registered.status()).as(registered.text()).isEqualTo(201);
        Response registration = correct(registered.json().get("recordId").asText(), "2020-07");
        assertThat(registration.status()).isEqualTo(409);
        assertThat(registration.json().get("detail").asText()).contains("is the registration of");
    }

    @Test
    void theFormationMovesUntilAnActOfTheCoalitionWouldFallBeforeIt() {
        String id = newCoalition();
        String formation = get("/api/coalitions/" + id + "/history").json().at("/entries/0/recordId").asText();
        act("/api/coalitions/" + id + "/members", "PL", "2021-05-01");
        assertThat(post("/api/agreements", """
                {"agreement":"%s-agreement","coalition":"%s","title":"Agreement","commitmentTerm":"P1Y",
                 "source":%s}""".formatted(id, id, SOURCE)).status()).isEqualTo(201);
        String signature = act("/api/agreements/" + id + "-agreement/signatures", "PL", "2021-02-01");

        Instant beforeCorrection = Moments.betweenRecordings();
        Response earlier = correct(formation, "2019-11");
        assertThat(earlier.status()).as(earlier.text()).isEqualTo(201);
        assertThat(get("/api/coalitions/" + id).json().at("/coalition/formedOn").asText()).isEqualTo("2019-11");
        // as known before the correction, the coalition was formed in 2020, and so not yet on 2019-12-01
        assertThat(get("/api/coalitions/" + id + "?knownAt=" + beforeCorrection).json().at("/coalition/formedOn")
                           .asText()).isEqualTo("2020");
        assertThat(listedCoalitions("asOf=2019-12-01"))
                .extracting(c -> c.get("coalition").asText()).contains(id);
        assertThat(listedCoalitions("asOf=2019-12-01&knownAt=" + beforeCorrection))
                .extracting(c -> c.get("coalition").asText()).doesNotContain(id);

        Response afterTheSignature = correct(formation, "2021-03");
        assertThat(afterTheSignature.status()).isEqualTo(409);
        assertThat(afterTheSignature.json().get("field").asText()).isEqualTo("effectiveDate");
        assertThat(afterTheSignature.json().get("detail").asText())
                .contains("signature of Poland (PL) under " + id + "-agreement", signature);
        Response afterTheJoin = correct(formation, "2021-06");
        assertThat(afterTheJoin.status()).isEqualTo(409);
        assertThat(afterTheJoin.json().get("detail").asText()).contains("join of Poland (PL)");
        assertThat(correct(formation, "2021-01-15").status()).isEqualTo(201);
        assertThat(get("/api/coalitions/" + id + "/history").json().get("entries"))
                .filteredOn(entry -> entry.get("recordId").asText().equals(formation))
                .singleElement().satisfies(entry -> assertThat(entry.get("corrections")).hasSize(2));
    }

    @Test
    void timelineAndPartyViews() {
        String id = newCoalition();
        act("/api/coalitions/" + id + "/intents", "GB", "2021-01");
        act("/api/coalitions/" + id + "/members", "GB", "2021-03-01");
        act("/api/coalitions/" + id + "/leads", "GB", "2021-03-01");
        act("/api/coalitions/" + id + "/departures", "GB", "2023-01-01");
        JsonNode timeline = get("/api/coalitions/" + id + "/timeline?from=2020-01-01&to=2024-01-01").json();
        assertThat(timeline.at("/parties/0/party").asText()).isEqualTo("GB");
        assertThat(timeline.at("/parties/0/intervals")).extracting(i -> i.get("role").asText() + " "
                + i.get("start").asText() + ".." + i.get("end").asText())
                .containsExactlyInAnyOrder("INTENT 2021-01..2021-03-01", "MEMBER 2021-03-01..2023-01-01",
                                           "LEAD 2021-03-01..2023-01-01");
        assertThat(get("/api/coalitions/" + id + "/timeline?from=2024-01-01&to=2023-01-01").status())
                .isEqualTo(400);

        JsonNode party = get("/api/parties/GB?asOf=2022-06-01").json();
        assertThat(party.get("name").asText()).isEqualTo("United Kingdom");
        assertThat(party.get("memberships")).anySatisfy(m -> {
            assertThat(m.get("coalition").asText()).isEqualTo(id);
            assertThat(m.get("role").asText()).isEqualTo("LEAD");
        });
        assertThat(get("/api/parties/GB?asOf=2021-02-01").json().get("intending"))
                .anySatisfy(m -> assertThat(m.get("coalition").asText()).isEqualTo(id));
        assertThat(get("/api/parties/UK").status()).isEqualTo(400);
        assertThat(get("/api/coalitions/" + id + "/members?knownAt=yesterday").status()).isEqualTo(400);
        assertThat(get("/api/coalitions/" + id + "/members?mode=guess").status()).isEqualTo(400);
    }

    @Test
    void coalitionUnknownBeforeItWasRecorded() {
        Instant before = Instant.now().minusSeconds(1);
        String id = newCoalition();
        assertThat(get("/api/coalitions/" + id + "/members?knownAt=" + before).status()).isEqualTo(404);
        assertThat(get("/api/coalitions/" + id + "/members?knownAt=" + before + "&mode=replay").status())
                .isEqualTo(404);
    }
}
