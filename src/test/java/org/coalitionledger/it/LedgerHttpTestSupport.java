package org.coalitionledger.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.coalitionledger.it.TestUsers.TestUser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Helpers for tests that drive the whole application over real HTTP, on H2 or on PostgreSQL as {@link TestDatabase}
 * says; each test class gets an application and a database of its own.
 */
@ActiveProfiles(resolver = TestDatabase.Profiles.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public abstract class LedgerHttpTestSupport {

    protected static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    protected TestRestTemplate http;

    @Autowired
    protected JdbcTemplate jdbc;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    /** Every test application knows one user per role ({@link TestUsers}). */
    @DynamicPropertySource
    static void users(DynamicPropertyRegistry registry) {
        TestUsers.asProperties().forEach((key, value) -> registry.add(key, () -> value));
    }

    /**
     * One fresh data directory for a test class's application: a property supplier is asked each time the property
     * is read, so it must answer the same directory every time.
     */
    public static java.util.function.Supplier<Object> oneFreshDataDir() {
        String dir = freshDataDir();
        return () -> dir;
    }

    /** A fresh data directory, so that each test class starts on an empty file database. */
    public static String freshDataDir() {
        try {
            return Files.createTempDirectory("ledger-test").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Requests below are sent as this user; ADMIN unless a test says otherwise. */
    protected TestUser user = TestUsers.ADMIN;

    protected Response post(String path, String json) {
        return send(user, HttpMethod.POST, path, json, MediaType.APPLICATION_JSON_VALUE);
    }

    protected Response postLines(String path, String lines) {
        return send(user, HttpMethod.POST, path, lines, "application/x-ndjson");
    }

    protected Response get(String path) {
        return send(user, HttpMethod.GET, path, null, null);
    }

    /** A request as the given user, or anonymously when {@code as} is null. */
    protected Response send(TestUser as, HttpMethod method, String path, Object body, String contentType) {
        HttpHeaders headers = new HttpHeaders();
        if (contentType != null) {
            headers.setContentType(MediaType.parseMediaType(contentType));
        }
        if (as != null) {
            headers.set(HttpHeaders.AUTHORIZATION, as.basic());
        }
        return exchange(method, path, new HttpEntity<>(body, headers));
    }

    /** A GET whose body is binary (a zip), as the other helpers send it. */
    protected ResponseEntity<byte[]> getBytes(String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.AUTHORIZATION, user.basic());
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
    }

    protected long eventCount() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    protected static String example() {
        try {
            return Files.readString(Path.of("docs/examples/it-coalition.jsonl"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Response exchange(HttpMethod method, String path, HttpEntity<?> entity) {
        ResponseEntity<String> response = http.exchange(path, method, entity, String.class);
        try {
            String body = response.getBody();
            return new Response(response.getStatusCode().value(), body,
                                body == null || body.isEmpty() ? JSON.nullNode() : JSON.readTree(body),
                                response.getHeaders());
        } catch (IOException e) {
            return new Response(response.getStatusCode().value(), response.getBody(), JSON.nullNode(),
                                response.getHeaders());
        }
    }

    /** An HTTP answer with its body both as text and as JSON. */
    public record Response(int status, String text, JsonNode json, HttpHeaders headers) {
    }

    /** A source object for request bodies. */
    protected static final String SOURCE = "{\"title\":\"Test report\",\"url\":\"https://example.org/r\"}";
}
