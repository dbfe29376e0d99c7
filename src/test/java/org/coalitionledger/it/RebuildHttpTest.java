package org.coalitionledger.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** Rebuilding a projection from the event store gives back the same answers, and reports its progress. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RebuildHttpTest extends LedgerHttpTestSupport {

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("ledger.data-dir", LedgerHttpTestSupport.oneFreshDataDir());
    }

    @Test
    void rebuiltProjectionsAnswerAsBefore() throws Exception {
        assertThat(postLines("/api/import", example()).status()).isEqualTo(201);
        String[] reads = {"/api/coalitions/it-coalition/members?asOf=2024-06-01&knownAt=2100-01-01T00:00:00Z",
                "/api/agreements/it-coalition-cooperation-agreement/commitments?asOf=2025-01-01"
                        + "&knownAt=2100-01-01T00:00:00Z",
                "/api/coalitions/it-coalition/history?knownAt=2100-01-01T00:00:00Z"};
        JsonNode[] before = new JsonNode[reads.length];
        for (int i = 0; i < reads.length; i++) {
            before[i] = get(reads[i]).json();
        }
        for (String group : new String[]{"membership", "commitments", "history"}) {
            Response started = post("/api/admin/rebuilds/" + group, "");
            assertThat(started.status()).as(started.text()).isEqualTo(202);
            assertThat(started.json().get("total").asLong()).isEqualTo(eventCount());
            waitUntilDone(group);
        }
        for (int i = 0; i < reads.length; i++) {
            assertThat(get(reads[i]).json()).as(reads[i]).isEqualTo(before[i]);
        }
        JsonNode rebuilds = get("/api/admin/rebuilds").json();
        assertThat(rebuilds).hasSize(3);
        rebuilds.forEach(r -> assertThat(r.get("done").asLong()).isEqualTo(r.get("total").asLong()));
        assertThat(post("/api/admin/rebuilds/nothing", "").status()).isEqualTo(404);
    }

    private void waitUntilDone(String group) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            for (JsonNode rebuild : get("/api/admin/rebuilds").json()) {
                if (rebuild.get("group").asText().equals(group) && rebuild.get("state").asText().equals("DONE")) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError(group + " did not finish rebuilding");
    }
}
