package org.coalitionledger.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.coalitionledger.LedgerApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Records, closes the application, starts a new one on the same H2 file: everything is still there. */
class RestartTest {

    private final HttpClient client = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everythingSurvivesARestart(@TempDir Path dataDir) throws Exception {
        String example = Files.readString(Path.of("docs/examples/it-coalition.jsonl"));
        try (ConfigurableApplicationContext first = start(dataDir)) {
            HttpResponse<String> imported = send(first, "POST", "/api/import", example, "application/x-ndjson");
            assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        }
        assertThat(dataDir.resolve("ledger.mv.db")).exists();

        try (ConfigurableApplicationContext second = start(dataDir)) {
            JsonNode members = json.readTree(send(second, "GET", "/api/coalitions/it-coalition/members", null, null)
                                                     .body());
            assertThat(members.get("members")).hasSize(11);
            HttpResponse<String> joined = send(second, "POST", "/api/coalitions/it-coalition/members",
                                               "{\"party\":\"FR\",\"effectiveDate\":\"2024-05\","
                                                       + "\"source\":{\"title\":\"t\"}}", "application/json");
            assertThat(joined.statusCode()).as(joined.body()).isEqualTo(201);
            JsonNode history = json.readTree(send(second, "GET", "/api/coalitions/it-coalition/history", null, null)
                                                     .body());
            // the projections resumed from their tokens: nothing was processed twice
            assertThat(history.get("entries")).hasSize((int) example.lines().count() + 1);
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(LedgerApplication.class)
                .run("--server.port=0", "--ledger.data-dir=" + dataDir);
    }

    private HttpResponse<String> send(ConfigurableApplicationContext context, String method, String path,
                                      String body, String contentType) throws Exception {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (body == null) {
            request.GET();
        } else {
            request.method(method, HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", contentType);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
