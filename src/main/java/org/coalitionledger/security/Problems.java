package org.coalitionledger.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.coalitionledger.storage.DatabaseFailures;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/** Problem details written by filters, which answer before any controller (and its exception handler) is reached. */
public final class Problems {

    /** With Spring's mix-in, as the API's own answers: {@code errors} beside {@code detail}, not under "properties". */
    private static final ObjectMapper JSON = new ObjectMapper()
            .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class);

    private Problems() {
    }

    public static void write(HttpServletResponse response, HttpStatus status, String message) throws IOException {
        write(response, status, null, message);
    }

    /**
     * The answer of a filter that could not read the users' tables: 503 with {@code Retry-After}, field
     * {@code database}, as the API answers any request while its database cannot be reached.
     */
    public static void databaseUnreachable(HttpServletResponse response) throws IOException {
        if (!response.isCommitted()) {
            response.setHeader("Retry-After", DatabaseFailures.RETRY_AFTER_SECONDS);
        }
        write(response, HttpStatus.SERVICE_UNAVAILABLE, "database", DatabaseFailures.UNREACHABLE);
    }

    private static void write(HttpServletResponse response, HttpStatus status, String field, String message)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message);
        problem.setTitle(status.getReasonPhrase());
        if (field != null) {
            problem.setProperty("field", field);
            problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        } else {
            problem.setProperty("errors", List.of(Map.of("message", message)));
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        JSON.writeValue(response.getOutputStream(), problem);
    }
}
