package org.coalitionledger.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Input that was once taken in the wrong way, now refused with a problem detail naming what is wrong, and nothing
 * written: a key given twice, a number where a date belongs, the year 0000, a source published in the future, JSON
 * past the parser's limits, a path the firewall refuses, a code that is no state's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class InputFaultsHttpTest extends SharedLedgerHttpTest {

    @LocalServerPort
    private int port;

    private String newCoalition(String prefix) {
        String id = uniqueId(prefix);
        Response formed = post("/api/coalitions", """
                {"coalition":"%s","name":"Input faults","effectiveDate":"2020-01","source":%s}"""
                .formatted(id, SOURCE));
        assertThat(formed.status()).as(formed.text()).isEqualTo(201);
        return id;
    }

    @Test
    void aKeyGivenTwiceInABodyIsRefusedNamingTheKey() {
        String id = newCoalition("dup-body");
        Response twice = post("/api/coalitions/" + id + "/members", """
                {"party":"NL","party":"BE","effectiveDate":"2021","source":%s}""".formatted(SOURCE));
        assertProblem(twice, 400, "party", "duplicate key \"party\"");

        Response nested = post("/api/coalitions/" + id + "/members", """
                {"party":"NL","effectiveDate":"2021","source":{"title":"First","title":"Second"}}""");
        assertProblem(nested, 400, "source.title", "duplicate key \"title\" in source");
        assertThat(eventCount(id)).as("only the formation").isEqualTo(1);
    }

    @Test
    void aKeyGivenTwiceOnAnImportLineIsRefusedNamingTheLineAndTheKey() {
        String id = newCoalition("dup-import");
        Response imported = postLines("/api/import", """
                {"command":"JoinCoalition","coalition":"%1$s","party":"NL","effectiveDate":"2021","source":%2$s}
                {"command":"JoinCoalition","command":"LeaveCoalition","coalition":"%1$s","party":"NL",\
                "effectiveDate":"2022","source":%2$s}
                {"command":"JoinCoalition","coalition":"%1$s","party":"BE","effectiveDate":"2021",\
                "source":{"title":"First","title":"Second"}}
                """.formatted(id, SOURCE));
        assertThat(imported.status()).as(imported.text()).isEqualTo(400);
        JsonNode errors = imported.json().get("errors");
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0).get("line").asInt()).isEqualTo(2);
        assertThat(errors.get(0).get("field").asText()).isEqualTo("command");
        assertThat(errors.get(0).get("message").asText()).startsWith("duplicate key \"command\"");
        assertThat(errors.get(1).get("line").asInt()).isEqualTo(3);
        assertThat(errors.get(1).get("field").asText()).isEqualTo("source.title");
        assertThat(eventCount(id)).as("only the formation").isEqualTo(1);
    }

    @Test
    void aDateMustBeAJsonString() {
        String id = newCoalition("date-number");
        Response number = post("/api/coalitions/" + id + "/members", """
                {"party":"NL","effectiveDate":2024,"source":%s}""".formatted(SOURCE));
        assertProblem(number, 400, "effectiveDate", "effectiveDate must be a JSON string: write \"2024\", in quotes");

        Response imported = postLines("/api/import", """
                {"command":"JoinCoalition","coalition":"%s","party":"NL","effectiveDate":2024,"source":%s}
                """.formatted(id, SOURCE));
        assertThat(imported.status()).as(imported.text()).isEqualTo(422);
        assertThat(imported.json().at("/errors/0/field").asText()).isEqualTo("effectiveDate");
        assertThat(imported.json().at("/errors/0/message").asText()).contains("must be a JSON string");
        assertThat(eventCount(id)).isEqualTo(1);
    }

    @Test
    void theYearZeroIsRefusedAsAnEffectiveDateAsItIsAsAQuestion() {
        String id = newCoalition("year-zero");
        Response act = post("/api/coalitions/" + id + "/members", """
                {"party":"NL","effectiveDate":"0000","source":%s}""".formatted(SOURCE));
        assertProblem(act, 400, "effectiveDate", "effectiveDate must lie in the years 0001 to 9999");
        Response question = get("/api/coalitions/" + id + "/members?asOf=0000-06-01");
        assertProblem(question, 400, "asOf", "asOf must lie in the years 0001 to 9999");
        assertThat(eventCount(id)).isEqualTo(1);
    }

    @Test
    void aSourcePublishedInTheFutureIsRefusedNamingTheField() {
        String id = newCoalition("published");
        String nextYear = String.valueOf(LocalDate.now(ZoneOffset.UTC).getYear() + 1);
        Response future = post("/api/coalitions/" + id + "/members", """
                {"party":"NL","effectiveDate":"2021","source":{"title":"Minutes","publishedOn":"%s"}}"""
                .formatted(nextYear));
        assertProblem(future, 400, "source.publishedOn", "source.publishedOn " + nextYear + " is in the future");
        Response past = post("/api/coalitions/" + id + "/members", """
                {"party":"NL","effectiveDate":"2021","source":{"title":"Minutes","publishedOn":"2021-02"}}""");
        assertThat(past.status()).as(past.text()).isEqualTo(201);
    }

    @Test
    void jsonPastTheParsersLimitsIsRefusedInTheUsersTerms() {
        String id = newCoalition("limits");
        Response imported = postLines("/api/import", """
                {"command":"JoinCoalition","coalition":"%1$s","party":"NL","effectiveDate":"2021","notes":%2$s}
                {"command":"JoinCoalition","coalition":"%1$s","party":"NL","effectiveDate":"2021","notes":%3$s}
                """.formatted(id, "[".repeat(1001) + "]".repeat(1001), "1".repeat(1001)));
        assertThat(imported.status()).as(imported.text()).isEqualTo(422);
        assertThat(imported.json().at("/errors/0/line").asInt()).isEqualTo(1);
        assertThat(imported.json().at("/errors/0/message").asText())
                .isEqualTo("the JSON goes past a limit of the ledger: objects and arrays nested deeper than 1000"
                                   + " levels");
        assertThat(imported.json().at("/errors/1/line").asInt()).isEqualTo(2);
        assertThat(imported.json().at("/errors/1/message").asText())
                .isEqualTo("the JSON goes past a limit of the ledger: a number longer than 1000 digits");
        assertThat(imported.text()).doesNotContain("StreamReadConstraints").doesNotContain("getMax");
        assertThat(eventCount(id)).isEqualTo(1);
    }

    @Test
    void aPathTheFirewallRefusesIsAnsweredWithAProblemDetail() throws IOException {
        String[][] paths = {
                {"/api/coalitions/../coalitions", "not normalised"},
                {"/api/coalitions;jsessionid=x", "\";\""},
                {"/api//coalitions", "\"//\""}};
        for (String[] path : paths) {
            String answer = rawGet(path[0]);
            assertThat(answer).as(path[0]).startsWith("HTTP/1.1 400")
                    .containsIgnoringCase("Content-Type: application/problem+json");
            JsonNode problem = JSON.readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));
            assertThat(problem.get("status").asInt()).isEqualTo(400);
            assertThat(problem.get("title").asText()).isEqualTo("Bad Request");
            assertThat(problem.get("detail").asText()).as(path[0]).contains(path[1]);
            assertThat(problem.at("/errors/0/message").asText()).isEqualTo(problem.get("detail").asText());
        }
    }

    @Test
    void aCodeThatIsNoStatesSaysWhichStateItProbablyMeant() {
        String id = newCoalition("uk");
        Response uk = post("/api/coalitions/" + id + "/members", """
                {"party":"UK","effectiveDate":"2021","source":%s}""".formatted(SOURCE));
        assertProblem(uk, 400, "party", "did you mean GB (United Kingdom)?");
        assertProblem(get("/api/parties/EL"), 400, "party", "did you mean GR (Greece)?");
        assertThat(eventCount(id)).isEqualTo(1);
    }

    private static void assertProblem(Response answer, int status, String field, String detail) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(status);
        assertThat(answer.headers().getContentType()).hasToString("application/problem+json");
        assertThat(answer.json().get("field").asText()).as(answer.text()).isEqualTo(field);
        assertThat(answer.json().get("detail").asText()).as(answer.text()).contains(detail);
    }

    /** A GET on a socket of its own, so that no client library normalises the path before it is sent. */
    private String rawGet(String path) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nAuthorization: "
                    + TestUsers.VIEWER.basic() + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
