package org.coalitionledger.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Imports run one at a time on a node: while one is under way (here: still reading a body that arrives slowly) a
 * second is refused with 429, Retry-After and a problem detail that links the running one, and writes nothing;
 * {@code GET /api/import/{id}} shows the running import's progress, and its answer once it is over.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ImportOneAtATimeHttpTest extends SharedLedgerHttpTest {

    @LocalServerPort
    private int port;

    @Test
    void aSecondImportWhileOneRunsIs429AndTheFirstReportsItsProgress() throws Exception {
        String slow = uniqueId("slow");
        String refused = uniqueId("refused");
        List<String> lines = example(slow).lines().toList();
        byte[] head = (String.join("\n", lines.subList(0, 5)) + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = (String.join("\n", lines.subList(5, lines.size())) + "\n").getBytes(StandardCharsets.UTF_8);
        CountDownLatch rest = new CountDownLatch(1);
        // the first five lines at once, in a chunk of a chunked body; the rest only when the test lets them go
        CompletableFuture<String> answer = CompletableFuture.supplyAsync(() -> slowImport(head, tail, rest));
        try {
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> {
                JsonNode running = get("/api/import").json();
                return running.size() > 0 && running.get(0).get("stage").asText().equals("READING")
                        && running.get(0).get("linesRead").asLong() == 5;
            });
            JsonNode progress = get("/api/import").json().get(0);
            String id = progress.get("id").asText();
            assertThat(progress.get("finished").asBoolean()).isFalse();
            assertThat(progress.get("recordedBy").asText()).isEqualTo("rita");
            assertThat(get("/api/import/" + id).json().get("linesRead").asLong()).isEqualTo(5);

            long before = eventCount(refused);
            Response second = postLines("/api/import", example(refused));
            assertThat(second.status()).isEqualTo(429);
            assertThat(second.headers().getFirst("Retry-After")).isEqualTo("10");
            assertThat(second.headers().getContentType()).hasToString("application/problem+json");
            assertThat(second.json().get("title").asText()).isEqualTo("Import running");
            assertThat(second.json().get("detail").asText()).contains("one at a time");
            assertThat(second.json().get("running").asText()).isEqualTo("/api/import/" + id);
            Response csv = send(user, org.springframework.http.HttpMethod.POST, "/api/import",
                                "command,coalition,name,effectiveDate,source.title\n"
                                        + "FormCoalition," + refused + ",R,2024,T\n", "text/csv");
            assertThat(csv.status()).isEqualTo(429);
            assertThat(eventCount(refused)).isEqualTo(before);

            rest.countDown();
            String done = answer.get(60, TimeUnit.SECONDS);
            assertThat(done).startsWith("HTTP/1.1 201").containsIgnoringCase("Location: /api/import/" + id + "\r\n");
            JsonNode over = get("/api/import/" + id).json();
            assertThat(over.get("stage").asText()).isEqualTo("DONE");
            assertThat(over.get("finished").asBoolean()).isTrue();
            assertThat(over.get("linesRead").asLong()).isEqualTo(lines.size());
            assertThat(over.get("linesChecked").asLong()).isEqualTo(lines.size());
            assertThat(over.get("linesWritten").asLong()).isEqualTo(lines.size());
            assertThat(over.get("percent").asInt()).isEqualTo(100);
            assertThat(over.at("/result/imported").asLong()).isEqualTo(lines.size());
            assertThat(eventCount(slow)).isEqualTo(lines.size());
        } finally {
            rest.countDown();
        }
        // once it is over, the next import runs
        Response after = postLines("/api/import", example(refused));
        assertThat(after.status()).as(after.text()).isEqualTo(201);
        assertThat(get("/api/import/no-such-import").status()).isEqualTo(404);
    }

    @Test
    void aViewerMayNotFollowImports() {
        assertThat(send(TestUsers.VIEWER, org.springframework.http.HttpMethod.GET, "/api/import", null, null)
                           .status()).isEqualTo(403);
    }

    /** POSTs an import over a socket, its body chunked: the head at once, the tail once the latch opens. */
    private String slowImport(byte[] head, byte[] tail, CountDownLatch rest) {
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/import HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + TestUsers.RECORDER.basic()
                    + "\r\nContent-Type: application/x-ndjson\r\nTransfer-Encoding: chunked\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            chunk(out, head);
            out.flush();
            if (!rest.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never let the rest go");
            }
            chunk(out, tail);
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void chunk(OutputStream out, byte[] bytes) throws IOException {
        out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
}
