package org.coalitionledger.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.coalitionledger.common.PartialDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.LocalDate;
import java.time.Period;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Loads docs/examples/it-coalition.jsonl over HTTP and checks the story it tells, with no date more precise than the
 * report of 14 February 2024 (/work/shared/reference, docs/import.md "The example"): the Netherlands joined in
 * January 2024, so the coalition existed by 31 January; everything else the report states happened on or before
 * 14 February 2024.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ItCoalitionExampleTest extends SharedLedgerHttpTest {

    private static final String AGREEMENT = "/api/agreements/it-coalition-cooperation-agreement";
    private static final Set<String> SIGNATORIES = Set.of("EE", "LU", "BE", "DK", "IS", "IT", "LV", "LT", "NL", "UA");

    @BeforeEach
    void loadExampleOnce() {
        if (get("/api/coalitions/it-coalition").status() == 404) {
            Response imported = postLines("/api/import", example());
            assertThat(imported.status()).as(imported.text()).isEqualTo(201);
            assertThat(imported.json().get("imported").asLong()).isEqualTo(example().lines().count());
        }
    }

    @Test
    void tenStatesSignedTheCooperationAgreement() {
        JsonNode commitments = get(AGREEMENT + "/commitments").json().get("commitments");
        Set<String> parties = new HashSet<>();
        commitments.forEach(c -> parties.add(c.get("party").asText()));
        assertThat(parties).isEqualTo(SIGNATORIES);
        commitments.forEach(c -> assertThat(c.get("status").asText()).isEqualTo("ACTIVE"));
    }

    @Test
    void commitmentsEndSixYearsAfterEachRecordedSignature() {
        Map<String, String> signedOn = new HashMap<>();
        get("/api/coalitions/it-coalition/history").json().get("entries").forEach(entry -> {
            if (entry.get("command").asText().equals("SignAgreement")) {
                signedOn.put(entry.get("party").asText(), entry.get("effectiveDate").asText());
            }
        });
        assertThat(signedOn).hasSize(10);
        // reported as signed on 14 February 2024 with no day of signature: on or before it, counted from it
        assertThat(signedOn.values()).containsOnly("[..2024-02-14]");
        get(AGREEMENT + "/commitments").json().get("commitments").forEach(c -> {
            PartialDate signature = PartialDate.parse(signedOn.get(c.get("party").asText()));
            assertThat(c.get("start").asText()).isEqualTo(signature.text());
            assertThat(c.get("precision").asText()).isEqualTo("RANGE");
            assertThat(LocalDate.parse(c.get("end").asText()))
                    .isEqualTo(LocalDate.of(2024, 2, 14).plus(Period.ofYears(6)));
        });
    }

    @Test
    void estoniaAndLuxembourgLead() {
        JsonNode members = get("/api/coalitions/it-coalition/members").json().get("members");
        Set<String> leads = new HashSet<>();
        members.forEach(m -> {
            if (m.get("role").asText().equals("LEAD")) {
                leads.add(m.get("party").asText());
            }
        });
        assertThat(leads).containsExactlyInAnyOrder("EE", "LU");
        assertThat(get("/api/coalitions/it-coalition").json().at("/coalition/leads"))
                .extracting(JsonNode::asText).containsExactlyInAnyOrder("EE", "LU");
    }

    @Test
    void unitedKingdomIsMemberByItsDeclarationOfIntentButNotSignatory() {
        JsonNode members = get("/api/coalitions/it-coalition/members").json();
        assertThat(member(members, "GB")).isNotNull();
        assertThat(member(members, "GB").get("name").asText()).isEqualTo("United Kingdom");
        assertThat(members.get("intending")).isEmpty();
        JsonNode history = get("/api/coalitions/it-coalition/history").json().get("entries");
        assertThat(StreamSupport.stream(history.spliterator(), false)
                           .filter(e -> "GB".equals(e.path("party").asText()))
                           .map(e -> e.get("command").asText()))
                .containsExactly("DeclareIntent", "JoinCoalition");
        JsonNode commitments = get(AGREEMENT + "/commitments").json().get("commitments");
        commitments.forEach(c -> assertThat(c.get("party").asText()).isNotEqualTo("GB"));
    }

    @Test
    void netherlandsJoinedInJanuaryAtMonthPrecision() {
        JsonNode nl = member(get("/api/coalitions/it-coalition/members").json(), "NL");
        assertThat(nl.get("since").asText()).isEqualTo("2024-01");
        assertThat(nl.get("precision").asText()).isEqualTo("MONTH");
        JsonNode january = get("/api/coalitions/it-coalition/members?asOf=2024-01-31").json().get("members");
        assertThat(january).hasSize(1);
        assertThat(january.get(0).get("party").asText()).isEqualTo("NL");
        // some day in January: not certain before its last day, certain on 31 January
        assertThat(january.get(0).get("certain").asBoolean()).isTrue();
        JsonNode earlier = get("/api/coalitions/it-coalition/members?asOf=2024-01-30").json().get("members");
        assertThat(earlier.get(0).get("certain").asBoolean()).isFalse();
    }

    @Test
    void membersListedInTheReportCountFromItsDay() {
        JsonNode before = get("/api/coalitions/it-coalition/members?asOf=2024-02-13").json();
        assertThat(before.get("members")).extracting(m -> m.get("party").asText()).containsExactly("NL");
        JsonNode onTheDay = get("/api/coalitions/it-coalition/members?asOf=2024-02-14").json();
        assertThat(onTheDay.get("members")).hasSize(11);
        for (String party : List.of("EE", "LU", "BE", "DK", "IS", "IT", "LV", "LT", "UA", "GB")) {
            JsonNode member = member(onTheDay, party);
            assertThat(member.get("since").asText()).as(party).isEqualTo("[..2024-02-14]");
            assertThat(member.get("precision").asText()).as(party).isEqualTo("RANGE");
            assertThat(member.get("certain").asBoolean()).as(party).isTrue();
        }
        assertThat(get("/api/coalitions/it-coalition/members?asOf=2024-02-14&mode=replay").json().get("members"))
                .isEqualTo(onTheDay.get("members"));
    }

    @Test
    void historyCarriesSourcesAndRecordingMetadata() {
        JsonNode entries = get("/api/coalitions/it-coalition/history").json().get("entries");
        assertThat(entries).hasSize((int) example().lines().count());
        assertThat(entries.get(0).get("command").asText()).isEqualTo("FormCoalition");
        entries.forEach(entry -> {
            assertThat(entry.at("/source/title").asText()).isNotBlank();
            assertThat(entry.get("recordedBy").asText()).isEqualTo(TestUsers.ADMIN.name());
            assertThat(entry.get("recordedAt").asText()).isNotBlank();
        });
        JsonNode nlJoin = StreamSupport.stream(entries.spliterator(), false)
                .filter(e -> e.get("command").asText().equals("JoinCoalition") && e.get("party").asText().equals("NL"))
                .findFirst().orElseThrow();
        assertThat(nlJoin.get("effectiveDate").asText()).isEqualTo("2024-01");
        assertThat(nlJoin.get("precision").asText()).isEqualTo("MONTH");
        JsonNode signature = StreamSupport.stream(entries.spliterator(), false)
                .filter(e -> e.get("command").asText().equals("SignAgreement")).findFirst().orElseThrow();
        assertThat(signature.get("agreement").asText()).isEqualTo("it-coalition-cooperation-agreement");
    }

    @Test
    void coalitionIsListedOnlyOnceFormed() {
        // the application is shared with other test classes: only this coalition's entry counts
        // formed on or before 31 January 2024 (the Netherlands joined it in January), counted from that day
        assertThat(listedCoalitions("asOf=2024-01-30"))
                .noneMatch(c -> c.get("coalition").asText().equals("it-coalition"));
        assertThat(listedCoalitions("asOf=2024-01-31"))
                .anyMatch(c -> c.get("coalition").asText().equals("it-coalition")
                        && c.get("formedOn").asText().equals("[..2024-01-31]")
                        && c.get("formedPrecision").asText().equals("RANGE"));
        List<JsonNode> listed = listedCoalitions("").stream()
                .filter(c -> c.get("coalition").asText().equals("it-coalition")).toList();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("memberCount").asInt()).isEqualTo(11);
        assertThat(listed.get(0).get("parentGroup").asText()).contains("Ukraine Defense Contact Group");
    }

    private static JsonNode member(JsonNode response, String party) {
        for (JsonNode member : response.get("members")) {
            if (member.get("party").asText().equals(party)) {
                return member;
            }
        }
        return null;
    }
}
