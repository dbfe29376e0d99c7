package org.coalitionledger.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/coalitions} in pages: each page in id order with the total, the same member counts and leads as
 * the members of each coalition answer, and a 400 naming the parameter for a page or size out of bounds.
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
