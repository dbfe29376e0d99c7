package org.coalitionledger.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Suspended members and observers in the members answer, on both clocks and by replay; the rules refused over HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SuspensionObserverHttpTest extends SharedLedgerHttpTest {

    private String newCoalition() {
        String id = uniqueId("so");
        Response formed = post("/api/coalitions", """
                {"coalition":"%s","name":"Suspensions","effectiveDate":"2020","source":%s}""".formatted(id, SOURCE));
        assertThat(formed.status()).as(formed.text()).isEqualTo(201);
        return id;
    }

    private Response act(String coalition, String path, String party, String date) {
        return post("/api/coalitions/" + coalition + "/" + path,
                    "{\"party\":\"%s\",\"effectiveDate\":\"%s\",\"source\":%s}".formatted(party, date, SOURCE));
    }

    private String recorded(String coalition, String path, String party, String date) {
        Response response = act(coalition, path, party, date);
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.json().get("recordId").asText();
    }

    /** The members answer, checked to be the same by replay. */
    private JsonNode members(String coalition, String asOf, Instant knownAt) {
        String path = "/api/coalitions/" + coalition + "/members?asOf=" + asOf
                + (knownAt == null ? "" : "&knownAt=" + knownAt);
        Response projected = get(path);
        assertThat(projected.status()).as(projected.text()).isEqualTo(200);
        JsonNode replayed = get(path + "&mode=replay").json();
        if (knownAt == null) {
            // both answer for now, read a moment apart
            ((ObjectNode) replayed).remove("knownAt");
            assertThat(replayed).as("replay of " + path)
                    .isEqualTo(((ObjectNode) projected.json().deepCopy()).without("knownAt"));
        } else {
            assertThat(replayed).as("replay of " + path).isEqualTo(projected.json());
        }
        return projected.json();
    }

    @Test
    void suspendedLeadIsListedApartAndLeadAgainOnReinstatement() throws Exception {
        String id = newCoalition();
        recorded(id, "members", "HU", "2021-01-01");
        recorded(id, "leads", "HU", "2021-01-01");
        recorded(id, "members", "PL", "2021-01-01");
        recorded(id, "suspensions", "HU", "2022-03");
        Instant beforeReinstatement = Moments.betweenRecordings();
        recorded(id, "reinstatements", "HU", "2022-09-01");

        JsonNode suspended = members(id, "2022-03-15", null);
        assertThat(suspended.get("members")).extracting(m -> m.get("party").asText()).containsExactly("PL");
        assertThat(suspended.at("/suspended/0/party").asText()).isEqualTo("HU");
        assertThat(suspended.at("/suspended/0/name").asText()).isEqualTo("Hungary");
        assertThat(suspended.at("/suspended/0/since").asText()).isEqualTo("2022-03");
        assertThat(suspended.at("/suspended/0/precision").asText()).isEqualTo("MONTH");
        assertThat(suspended.at("/suspended/0/certain").asBoolean()).isFalse();
        assertThat(members(id, "2022-03-31", null).at("/suspended/0/certain").asBoolean()).isTrue();
        assertThat(suspended.get("observers")).isEmpty();
        assertThat(suspended.get("intending")).isEmpty();

        JsonNode reinstated = members(id, "2022-09-01", null);
        assertThat(reinstated.get("suspended")).isEmpty();
        assertThat(reinstated.at("/members/0/party").asText()).isEqualTo("HU");
        assertThat(reinstated.at("/members/0/role").asText()).isEqualTo("LEAD");
        assertThat(reinstated.at("/members/0/since").asText()).isEqualTo("2021-01-01");
        // as known before the reinstatement was recorded, Hungary was still suspended
        JsonNode then = members(id, "2022-09-01", beforeReinstatement);
        assertThat(then.at("/suspended/0/party").asText()).isEqualTo("HU");
        assertThat(then.get("members")).hasSize(1);
        assertThat(get("/api/coalitions/" + id).json().at("/coalition/leads")).extracting(JsonNode::asText)
                .containsExactly("HU");
    }

    @Test
    void observerIsListedUntilItJoins() {
        String id = newCoalition();
        recorded(id, "observers", "NO", "2021-05-10");
        recorded(id, "intents", "NO", "2022-01-01");
        recorded(id, "members", "NO", "2023-01-01");
        JsonNode observing = members(id, "2022-06-01", null);
        assertThat(observing.at("/observers/0/party").asText()).isEqualTo("NO");
        assertThat(observing.at("/observers/0/since").asText()).isEqualTo("2021-05-10");
        assertThat(observing.at("/intending/0/party").asText()).isEqualTo("NO");
        assertThat(observing.get("members")).isEmpty();
        JsonNode joined = members(id, "2023-01-01", null);
        assertThat(joined.get("observers")).isEmpty();
        assertThat(joined.at("/members/0/party").asText()).isEqualTo("NO");
        JsonNode history = get("/api/coalitions/" + id + "/history").json().get("entries");
        assertThat(history).extracting(e -> e.get("command").asText())
                .containsExactly("FormCoalition", "AdmitObserver", "DeclareIntent", "JoinCoalition");
    }

    /** The entries of one list of a party answer that concern this coalition (other tests share the ledger). */
    private static List<JsonNode> of(JsonNode party, String list, String coalition) {
        List<JsonNode> entries = new java.util.ArrayList<>();
        party.get(list).forEach(entry -> {
            if (entry.get("coalition").asText().equals(coalition)) {
                entries.add(entry);
            }
        });
        return entries;
    }

    @Test
    void thePartyAnswerListsSuspensionsAndObserverships() {
        String id = newCoalition();
        recorded(id, "members", "HU", "2021-01-01");
        recorded(id, "suspensions", "HU", "2022-03");
        recorded(id, "observers", "NO", "2021-05-10");
        JsonNode hungary = get("/api/parties/HU?asOf=2022-06-01").json();
        assertThat(of(hungary, "memberships", id)).isEmpty();
        assertThat(of(hungary, "suspended", id)).singleElement().satisfies(entry -> {
            assertThat(entry.get("role").asText()).isEqualTo("SUSPENDED");
            assertThat(entry.get("since").asText()).isEqualTo("2022-03");
            assertThat(entry.get("precision").asText()).isEqualTo("MONTH");
            assertThat(entry.get("certain").asBoolean()).isTrue();
        });
        assertThat(of(get("/api/parties/HU?asOf=2022-03-10").json(), "suspended", id)).singleElement()
                .satisfies(entry -> assertThat(entry.get("certain").asBoolean()).isFalse());
        assertThat(of(get("/api/parties/HU?asOf=2022-01-01").json(), "suspended", id)).isEmpty();
        JsonNode norway = get("/api/parties/NO?asOf=2022-06-01").json();
        assertThat(of(norway, "observers", id)).singleElement().satisfies(entry -> {
            assertThat(entry.get("role").asText()).isEqualTo("OBSERVER");
            assertThat(entry.get("since").asText()).isEqualTo("2021-05-10");
        });
        assertThat(of(norway, "memberships", id)).isEmpty();
    }

    @Test
    void refusedActsNameTheRuleAndWriteNothing() {
        String id = newCoalition();
        recorded(id, "members", "HU", "2021-01-01");
        recorded(id, "observers", "NO", "2021-01-01");
        long before = eventCount(id);
        Response notMember = act(id, "suspensions", "PL", "2022-01-01");
        assertThat(notMember.status()).as(notMember.text()).isEqualTo(409);
        assertThat(notMember.json().get("detail").asText()).contains("only a member can be suspended");
        assertThat(notMember.json().get("field").asText()).isEqualTo("party");
        Response notSuspended = act(id, "reinstatements", "HU", "2022-01-01");
        assertThat(notSuspended.status()).isEqualTo(409);
        assertThat(notSuspended.json().get("detail").asText()).contains("only a suspended member can be reinstated");
        Response memberAsObserver = act(id, "observers", "HU", "2022-01-01");
        assertThat(memberAsObserver.status()).isEqualTo(409);
        assertThat(memberAsObserver.json().get("detail").asText())
                .contains("a member cannot be admitted as an observer");
        Response twice = act(id, "observers", "NO", "2022-01-01");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("detail").asText()).contains("already an observer");
        assertThat(eventCount(id)).isEqualTo(before);

        recorded(id, "suspensions", "HU", "2022-01-01");
        long suspended = eventCount(id);
        Response lead = act(id, "leads", "HU", "2022-02-01");
        assertThat(lead.status()).isEqualTo(409);
        assertThat(lead.json().get("detail").asText()).contains("a suspended member cannot be designated lead");
        assertThat(eventCount(id)).isEqualTo(suspended);
        // it may leave while suspended
        recorded(id, "departures", "HU", "2022-06-01");
        JsonNode after = members(id, "2022-06-01", null);
        assertThat(after.get("suspended")).isEmpty();
        assertThat(after.get("members")).isEmpty();
    }

    @Test
    void theOpenApiDocumentDescribesTheNewActsAndLists() {
        JsonNode api = get("/v3/api-docs").json();
        for (String path : new String[]{"suspensions", "reinstatements", "observers"}) {
            assertThat(api.at("/paths").has("/api/coalitions/{coalition}/" + path)).as(path).isTrue();
        }
        JsonNode members = api.at("/components/schemas/MembersResponse/properties");
        assertThat(members.has("suspended")).isTrue();
        assertThat(members.has("observers")).isTrue();
    }

    @Test
    void anImportAppliesSameDayActsInTheOrderTheyTakeEffect() {
        String id = uniqueId("so-import");
        String line = "{\"command\":\"%s\",\"coalition\":\"" + id + "\",\"party\":\"HU\",\"effectiveDate\":\"%s\","
                + "\"source\":" + SOURCE + "}";
        // the lead designation needs the reinstatement of its own day, which comes after it in the file
        String lines = String.join("\n",
                "{\"command\":\"FormCoalition\",\"coalition\":\"" + id + "\",\"name\":\"Import\",\"effectiveDate\":"
                        + "\"2020\",\"source\":" + SOURCE + "}",
                line.formatted("DesignateLead", "2022-09-01"),
                line.formatted("ReinstateMember", "2022-09-01"),
                line.formatted("SuspendMember", "[..2022-03-31]"),
                line.formatted("JoinCoalition", "2021"));
        Response imported = postLines("/api/import", lines);
        assertThat(imported.status()).as(imported.text()).isEqualTo(201);
        JsonNode reinstated = members(id, "2022-09-01", null);
        assertThat(reinstated.at("/members/0/role").asText()).isEqualTo("LEAD");
        assertThat(members(id, "2022-03-31", null).at("/suspended/0/since").asText()).isEqualTo("[..2022-03-31]");
    }
}
