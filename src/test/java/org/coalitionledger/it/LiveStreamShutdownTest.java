package org.coalitionledger.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node stopped with SIGTERM while a coalition page listens to its live stream (Server-Sent Events) closes the
 * stream and exits within seconds, logging no error: graceful shutdown has no open request left to wait for.
 */
class LiveStreamShutdownTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern SESSION = Pattern.compile("JSESSIONID=[^;]+");

    @Test
    void sigtermWithALiveStreamOpenExitsWithinFiveSecondsWithoutAnError(@TempDir Path dir) throws Exception {
        try (LedgerProcess node = LedgerProcess.start(Map.of(), TestDatabase.arguments(dir.resolve("data")),
                                                      dir.resolve("node.log"), Duration.ofSeconds(180))) {
            int port = node.port();
            String session = logIn(port, TestUsers.VIEWER);
            try (Socket stream = new Socket("localhost", port)) {
                stream.setSoTimeout(10_000);
                OutputStream out = stream.getOutputStream();
                out.write(("GET /coalitions/shutdown-test/events HTTP/1.1\r\nHost: localhost:" + port
                        + "\r\nAccept: text/event-stream\r\nCookie: " + session + "\r\n\r\n")
                                  .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String opened = readUntil(stream.getInputStream(), "listening to shutdown-test");
                assertThat(opened).startsWith("HTTP/1.1 200").containsIgnoringCase("text/event-stream");

                long start = System.nanoTime();
                boolean exited = node.terminate(Duration.ofSeconds(5));
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                assertThat(exited).as("exited within 5 s of SIGTERM; log:%n%s", node.log()).isTrue();
                System.out.printf("A node with a live stream open exited %d ms after SIGTERM%n", took.toMillis());
            }
            assertThat(node.log()).as("the node's log").doesNotContain("ERROR")
                    .contains("Closed 1 live stream");
        }
    }

    /** Logs in through the login form, as a browser does, and answers the session cookie. */
    private static String logIn(int port, TestUsers.TestUser user) throws Exception {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(uri(port, "/login")).GET().build(),
                                                HttpResponse.BodyHandlers.ofString());
        Matcher token = CSRF.matcher(page.body());
        assertThat(token.find()).as(page.body()).isTrue();
        String form = "username=" + encode(user.name()) + "&password=" + encode(user.password()) + "&_csrf="
                + encode(token.group(1));
        HttpResponse<String> login = client.send(
                HttpRequest.newBuilder(uri(port, "/login")).header("Cookie", session(page))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        return session(login);
    }

    private static String session(HttpResponse<?> response) {
        for (String cookie : response.headers().allValues("Set-Cookie")) {
            Matcher session = SESSION.matcher(cookie);
            if (session.find()) {
                return session.group();
            }
        }
        throw new AssertionError("no session cookie in " + response.headers().map());
    }

    /** Reads the answer until it contains the text (the stream stays open, so it cannot be read to its end). */
    private static String readUntil(InputStream in, String text) throws IOException {
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        byte[] buffer = new byte[1024];
        while (!read.toString(StandardCharsets.UTF_8).contains(text)) {
            int n = in.read(buffer);
            if (n < 0) {
                break;
            }
            read.write(buffer, 0, n);
        }
        return read.toString(StandardCharsets.UTF_8);
    }

    private static URI uri(int port, String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
