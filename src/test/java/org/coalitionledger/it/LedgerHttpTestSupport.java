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
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.coalitionledger.it.TestUsers.TestUser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Helpers for tests that drive the whole application over real HTTP, on H2 or on PostgreSQL as {@link TestDatabase}
 * says. Test classes without settings of their own extend {@link SharedLedgerHttpTest} and share one application.
 * A class with settings of its own extends this class, registers its settings and {@link TestDatabase#registerFresh}
 * in a {@code @DynamicPropertySource}, gets an application and a database of its own, and closes it after its tests
 * with {@code @DirtiesContext}.
 */
@ActiveProfiles(resolver = TestDatabase.Profiles.class)
public abstract class LedgerHttpTestSupport {

    protected static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    protected TestRestTemplate http;

    @Autowired
    protected JdbcTemplate jdbc;

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

    /** A fresh data directory, for an application that starts on an empty file database. */
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

    /**
     * The stored events of the coalitions and agreements whose ids start with the given prefix (a coalition and the
     * agreements named after it): what a test sharing the application with others may count as its own.
     */
    protected long eventCount(String idPrefix) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier like ?",
                                   Long.class, idPrefix + "%");
    }

    /** Every stored event: only for what is global by nature, or for a class with an application of its own. */
    protected long storedEvents() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    private static final java.util.Set<Class<?>> EXAMPLE_IMPORTED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * Imports docs/examples/it-coalition.jsonl once for all the tests of a class with an application of its own;
     * true when it did so now.
     */
    protected boolean importTheExampleOnce() {
        if (!EXAMPLE_IMPORTED.add(getClass())) {
            return false;
        }
        Response imported = postLines("/api/import", example());
        org.assertj.core.api.Assertions.assertThat(imported.status()).as(imported.text()).isEqualTo(201);
        return true;
    }

    /**
     * Every coalition {@code GET /api/coalitions?query} lists, over all its pages (the application is shared, so
     * a coalition of a test may lie on any page).
     */
    protected List<JsonNode> listedCoalitions(String query) {
        List<JsonNode> all = new java.util.ArrayList<>();
        for (int page = 1; ; page++) {
            JsonNode answer = get("/api/coalitions?" + query + (query.isEmpty() ? "" : "&") + "size=1000&page="
                                          + page).json();
            answer.get("coalitions").forEach(all::add);
            if (page >= answer.get("pages").asLong()) {
                return all;
            }
        }
    }

    /** An id no other test uses: the prefix and eight random characters. */
    protected static String uniqueId(String prefix) {
        return prefix + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    }

    /** The example ledger under another coalition id (its agreement named after it), for a test of its own. */
    protected static String example(String coalition) {
        return example().replace("it-coalition", coalition);
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
