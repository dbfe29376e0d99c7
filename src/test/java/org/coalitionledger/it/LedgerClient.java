package org.coalitionledger.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Speaks HTTP to one running ledger node, in this JVM or in another process. Every request of the multi-node tests
 * goes through {@link #send}, the one place to add credentials.
 */
final class LedgerClient {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;

    LedgerClient(int port) {
        this.base = "http://localhost:" + port;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    HttpResponse<String> post(String path, String body, String contentType) {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body))
                            .header("Content-Type", contentType));
    }

    /** A JSON POST as another of the test users than the admin (an auditor's review, say). */
    HttpResponse<String> postAs(TestUsers.TestUser user, String path, String body) {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body))
                            .header("Content-Type", "application/json"), user);
    }

    HttpResponse<String> postJson(String path, String body) {
        return post(path, body, "application/json");
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        return send(request, TestUsers.ADMIN);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, TestUsers.TestUser user) {
        try {
            return CLIENT.send(request.header("Authorization", user.basic()).build(),
                               HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
