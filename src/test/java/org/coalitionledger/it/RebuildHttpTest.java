package org.coalitionledger.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Rebuilding a projection from the event store gives back the same answers, and reports its progress. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RebuildHttpTest extends SharedLedgerHttpTest {

    @Test
    void rebuiltProjectionsAnswerAsBefore() {
        String coalition = uniqueId("rebuilt");
        assertThat(postLines("/api/import", example(coalition)).status()).isEqualTo(201);
        String[] reads = {"/api/coalitions/" + coalition + "/members?asOf=2024-06-01&knownAt=2100-01-01T00:00:00Z",
                "/api/agreements/" + coalition + "-cooperation-agreement/commitments?asOf=2025-01-01"
                        + "&knownAt=2100-01-01T00:00:00Z",
                "/api/coalitions/" + coalition + "/history?knownAt=2100-01-01T00:00:00Z"};
        JsonNode[] before = new JsonNode[reads.length];
        for (int i = 0; i < reads.length; i++) {
            before[i] = get(reads[i]).json();
        }
        for (String group : new String[]{"membership", "commitments", "history"}) {
            Response started = post("/api/admin/rebuilds/" + group, "");
            assertThat(started.status()).as(started.text()).isEqualTo(202);
            // a rebuild replays the whole store, the events of other tests' ledgers as well
            assertThat(started.json().get("total").asLong()).isEqualTo(storedEvents());
            await().atMost(Duration.ofSeconds(30)).until(() -> done(group));
        }
        for (int i = 0; i < reads.length; i++) {
            assertThat(get(reads[i]).json()).as(reads[i]).isEqualTo(before[i]);
        }
        JsonNode rebuilds = get("/api/admin/rebuilds").json();
        assertThat(rebuilds).hasSize(3);
        rebuilds.forEach(r -> assertThat(r.get("done").asLong()).isEqualTo(r.get("total").asLong()));
        assertThat(post("/api/admin/rebuilds/nothing", "").status()).isEqualTo(404);
    }

    private boolean done(String group) {
        for (JsonNode rebuild : get("/api/admin/rebuilds").json()) {
            if (rebuild.get("group").asText().equals(group) && rebuild.get("state").asText().equals("DONE")) {
                return true;
            }
        }
        return false;
    }
}
