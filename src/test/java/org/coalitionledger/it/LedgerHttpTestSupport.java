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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Helpers for tests that drive the whole application over real HTTP. */
public abstract class LedgerHttpTestSupport {

    protected static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    protected TestRestTemplate http;

    @Autowired
    protected JdbcTemplate jdbc;

    /** A fresh data directory, so that each test class starts on an empty file database. */
    public static String freshDataDir() {
        try {
            return Files.createTempDirectory("ledger-test").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected Response post(String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return exchange(HttpMethod.POST, path, new HttpEntity<>(json, headers));
    }

    protected Response postLines(String path, String lines) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("application/x-ndjson"));
        return exchange(HttpMethod.POST, path, new HttpEntity<>(lines, headers));
    }

    protected Response get(String path) {
        return exchange(HttpMethod.GET, path, HttpEntity.EMPTY);
    }

    /** A GET whose body is binary (a zip), as the other helpers send it. */
    protected ResponseEntity<byte[]> getBytes(String path) {
        return http.exchange(path, HttpMethod.GET, HttpEntity.EMPTY, byte[].class);
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
