package org.coalitionledger.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/coalitions} in pages: each page in id order with the total, the same member counts and leads as
 * the members of each coalition answer, a formation as the ledger held it at knownAt, and a 400 naming the parameter
 * for a page or size out of bounds.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CoalitionListHttpTest extends OwnLedgerHttpTest {

    private static final String DAY = "asOf=2024-06-01";
    private static final List<String> IDS = IntStream.rangeClosed(1, 5).mapToObj(i -> "list-" + i).toList();

    @BeforeEach
    void fiveCoalitions() {
        if (jdbc.queryForObject("select count(*) from coalition_view", Long.class) == 0) {
            // each its own example; the second with one member gone, so that the counts differ
            for (String id : IDS) {
                String lines = example(id);
                if (id.equals("list-2")) {
                    lines += "\n{\"command\":\"LeaveCoalition\",\"coalition\":\"list-2\",\"party\":\"IS\","
                            + "\"effectiveDate\":\"2024-05-01\",\"source\":" + SOURCE + "}\n";
                }
                Response imported = postLines("/api/import", lines);
                assertThat(imported.status()).as(imported.text()).isEqualTo(201);
            }
        }
    }

    @Test
    void pagesWalkTheListInIdOrderWithTheTotal() {
        List<String> seen = new ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            Response answer = get("/api/coalitions?" + DAY + "&size=2&page=" + page);
            assertThat(answer.status()).as(answer.text()).isEqualTo(200);
            assertThat(answer.json().get("page").asInt()).isEqualTo(page);
            assertThat(answer.json().get("size").asInt()).isEqualTo(2);
            assertThat(answer.json().get("total").asLong()).isEqualTo(IDS.size());
            assertThat(answer.json().get("pages").asLong()).isEqualTo(3);
            assertThat(answer.json().get("asOf").asText()).isEqualTo("2024-06-01");
            answer.json().get("coalitions").forEach(c -> seen.add(c.get("coalition").asText()));
        }
        assertThat(seen).isEqualTo(IDS);
        Response past = get("/api/coalitions?" + DAY + "&size=2&page=4");
        assertThat(past.status()).isEqualTo(200);
        assertThat(past.json().get("coalitions")).isEmpty();
        assertThat(past.json().get("total").asLong()).isEqualTo(IDS.size());
    }

    @Test
    void withoutParametersTheFirstPageOfAHundred() {
        Response answer = get("/api/coalitions?" + DAY);
        assertThat(answer.json().get("page").asInt()).isEqualTo(1);
        assertThat(answer.json().get("size").asInt()).isEqualTo(100);
        assertThat(answer.json().get("coalitions")).hasSize(IDS.size());
    }

    @Test
    void memberCountsAndLeadsAreThoseOfTheMembersAnswer() {
        Response list = get("/api/coalitions?" + DAY + "&size=5");
        List<Integer> counts = new ArrayList<>();
        for (JsonNode coalition : list.json().get("coalitions")) {
            JsonNode members = get("/api/coalitions/" + coalition.get("coalition").asText() + "/members?" + DAY)
                    .json().get("members");
            List<String> leads = new ArrayList<>();
            members.forEach(m -> {
                if (m.get("role").asText().equals("LEAD")) {
                    leads.add(m.get("party").asText());
                }
            });
            assertThat(coalition.get("memberCount").asInt()).isEqualTo(members.size());
            List<String> listed = new ArrayList<>();
            coalition.get("leads").forEach(l -> listed.add(l.asText()));
            assertThat(listed).isNotEmpty().isEqualTo(leads.stream().sorted().toList());
            assertThat(coalition.get("name").asText()).isEqualTo("IT Coalition");
            assertThat(coalition.get("formedOn").asText()).isNotBlank();
            counts.add(coalition.get("memberCount").asInt());
        }
        assertThat(counts.get(1)).isEqualTo(counts.get(0) - 1);
    }

    @Test
    void aFormationIsListedAsTheLedgerHeldItAtKnownAt() {
        // formed after DAY, so that the other tests' pages at DAY never see it
        String id = "list-late";
        Instant beforeFormed = Moments.betweenRecordings();
        Response formed = post("/api/coalitions", """
                {"coalition":"%s","name":"Late","effectiveDate":"2025-03-01","source":%s}""".formatted(id, SOURCE));
        assertThat(formed.status()).as(formed.text()).isEqualTo(201);
        Instant beforeCorrection = Moments.betweenRecordings();
        Response corrected = post("/api/records/" + formed.json().get("recordId").asText() + "/correction",
                                  "{\"effectiveDate\":\"2025-01-15\",\"reason\":\"a better source\",\"source\":%s}"
                                          .formatted(SOURCE));
        assertThat(corrected.status()).as(corrected.text()).isEqualTo(201);

        assertThat(formedOn(id, "2025-06-01", null)).isEqualTo("2025-01-15");
        assertThat(formedOn(id, "2025-06-01", beforeCorrection)).isEqualTo("2025-03-01");
        // formed by 1 February only since the correction
        assertThat(formedOn(id, "2025-02-01", null)).isEqualTo("2025-01-15");
        assertThat(formedOn(id, "2025-02-01", beforeCorrection)).isNull();
        assertThat(formedOn(id, "2025-06-01", beforeFormed)).isNull();

        // the totals count what the pages list, the last page holds the rest, and the next one is empty
        for (Instant knownAt : new Instant[]{null, beforeCorrection, beforeFormed}) {
            String query = "asOf=2025-02-01&size=2" + (knownAt == null ? "" : "&knownAt=" + knownAt);
            long total = get("/api/coalitions?" + query).json().get("total").asLong();
            long pages = (total + 1) / 2;
            JsonNode last = get("/api/coalitions?" + query + "&page=" + pages).json();
            assertThat(last.get("coalitions")).hasSize((int) (total - 2 * (pages - 1)));
            JsonNode past = get("/api/coalitions?" + query + "&page=" + (pages + 1)).json();
            assertThat(past.get("coalitions")).isEmpty();
            assertThat(past.get("total").asLong()).isEqualTo(total);
        }
        assertThat(get("/api/coalitions?asOf=2025-02-01").json().get("total").asLong())
                .isEqualTo(get("/api/coalitions?asOf=2025-02-01&knownAt=" + beforeCorrection).json().get("total")
                                   .asLong() + 1);
    }

    /** The formation date {@code id} is listed with on asOf as known at knownAt (now if null), or null if unlisted. */
    private String formedOn(String id, String asOf, Instant knownAt) {
        return listedCoalitions("asOf=" + asOf + (knownAt == null ? "" : "&knownAt=" + knownAt)).stream()
                .filter(c -> c.get("coalition").asText().equals(id)).map(c -> c.get("formedOn").asText())
                .findFirst().orElse(null);
    }

    @Test
    void aPageOrSizeOutOfBoundsIsA400NamingIt() {
        for (String[] bad : new String[][]{{"page=0", "page"}, {"page=x", "page"}, {"page=-3", "page"},
                                            {"size=0", "size"}, {"size=1001", "size"}, {"size=2.5", "size"},
                                            {"page=99999999999999999999", "page"}}) {
            Response answer = get("/api/coalitions?" + bad[0]);
            assertThat(answer.status()).as(bad[0]).isEqualTo(400);
            assertThat(answer.json().get("field").asText()).as(bad[0]).isEqualTo(bad[1]);
            assertThat(answer.json().get("detail").asText()).as(bad[0]).startsWith(bad[1]);
        }
        assertThat(get("/api/coalitions?size=1000").status()).isEqualTo(200);
    }
}
