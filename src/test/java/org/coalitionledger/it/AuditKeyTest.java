package org.coalitionledger.it;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A node whose checkpoint key is not the one that signed the ledger's checkpoints never signs with it. */
class AuditKeyTest {

    @Test
    void aNodeWithAnotherKeyRefusesToSignAndSaysWhy() throws Exception {
        Path dataDir = Path.of(LedgerHttpTestSupport.freshDataDir());
        String example = Files.readString(Path.of("docs/examples/it-coalition.jsonl"));
        long sealed;
        try (RunningLedger first = RunningLedger.start(dataDir)) {
            assertThat(first.post("/api/import", example, "application/x-ndjson").statusCode()).isEqualTo(201);
            // the example's acts and the users imported at the first start
            sealed = example.lines().filter(line -> !line.isBlank()).count()
                    + TestUsers.events(first.context().getBean(org.springframework.jdbc.core.JdbcTemplate.class));
            assertThat(first.post("/api/audit/checkpoints", "", "application/json").statusCode()).isEqualTo(201);
        }
        List<String> arguments = new java.util.ArrayList<>(TestDatabase.arguments(dataDir));
        arguments.add("--ledger.audit.key-dir=" + dataDir.resolve("another-key"));
        try (RunningLedger other = RunningLedger.start(arguments)) {
            other.post("/api/coalitions/it-coalition/members",
                       "{\"party\":\"FR\",\"effectiveDate\":\"2024-06\",\"source\":{\"title\":\"t\"}}",
                       "application/json");
            HttpResponse<String> refused = other.post("/api/audit/checkpoints", "", "application/json");
            assertThat(refused.statusCode()).isEqualTo(409);
            assertThat(refused.body()).contains("was not signed by this node's checkpoint key");
            // the checkpoints made with the ledger's own key still verify
            assertThat(other.get("/api/audit/checkpoints").body()).contains("\"treeSize\":" + sealed + ",");
        }
        try (RunningLedger again = RunningLedger.start(dataDir)) {
            HttpResponse<String> made = again.post("/api/audit/checkpoints", "", "application/json");
            assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
            assertThat(again.get("/api/audit/verify").body()).contains("\"status\":\"ok\"");
        }
    }
}
