package org.coalitionledger.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Records, closes the application, starts a new one on the same database: everything is still there. */
class RestartTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everythingSurvivesARestart(@TempDir Path dataDir) throws Exception {
        String example = Files.readString(Path.of("docs/examples/it-coalition.jsonl"));
        try (RunningLedger first = RunningLedger.start(dataDir)) {
            HttpResponse<String> imported = first.post("/api/import", example, "application/x-ndjson");
            assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        }
        if (!TestDatabase.postgres()) {
            assertThat(dataDir.resolve("ledger.mv.db")).exists();
        }

        try (RunningLedger second = RunningLedger.start(dataDir)) {
            JsonNode members = json.readTree(second.get("/api/coalitions/it-coalition/members").body());
            assertThat(members.get("members")).hasSize(11);
            HttpResponse<String> joined = second.post("/api/coalitions/it-coalition/members",
                                                      "{\"party\":\"FR\",\"effectiveDate\":\"2024-05\","
                                                              + "\"source\":{\"title\":\"t\"}}",
                                                      "application/json");
            assertThat(joined.statusCode()).as(joined.body()).isEqualTo(201);
            JsonNode history = json.readTree(second.get("/api/coalitions/it-coalition/history").body());
            // the projections resumed from their tokens: nothing was processed twice
            assertThat(history.get("entries")).hasSize((int) example.lines().count() + 1);
        }
    }
}
