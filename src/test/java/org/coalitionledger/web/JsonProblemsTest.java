package org.coalitionledger.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.coalitionledger.coalition.web.FormCoalitionRequest;
import org.coalitionledger.common.Rejection;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Jackson's complaints about input, read with the ledger's strict rules, in the user's words. */
class JsonProblemsTest {

    private final ObjectMapper json = JsonInput.strict(JsonMapper.builder().build());

    @Test
    void aKeyGivenTwiceIsNamedWithThePathOfItsObject() {
        assertRejected("{\"name\":\"a\",\"name\":\"b\"}", "name", "duplicate key \"name\": each key may be given"
                + " once in an object");
        assertRejected("{\"name\":\"a\",\"source\":{\"title\":\"a\",\"url\":null,\"title\":\"b\"}}", "source.title",
                       "duplicate key \"title\" in source: each key may be given once in an object");
        assertRejected("{\"focusAreas\":[\"x\"],\"notes\":[{},{\"a\":1,\"a\":2}]}", "notes[1].a",
                       "duplicate key \"a\" in notes[1]: each key may be given once in an object");
    }

    @Test
    void textTakesStringsOnly() {
        assertRejected("{\"effectiveDate\":2024}", "effectiveDate",
                       "effectiveDate must be a JSON string: write \"2024\", in quotes");
        assertRejected("{\"source\":{\"title\":true}}", "source.title",
                       "source.title must be a JSON string: write \"true\", in quotes");
        assertRejected("{\"name\":1.5}", "name", "name must be a JSON string: write \"1.5\", in quotes");
    }

    @Test
    void aPassedParserLimitIsSaidAsTheLimitWithoutJacksonsNames() {
        assertRejected("{\"notes\":" + "[".repeat(1001) + "]".repeat(1001) + "}", null,
                       "the JSON goes past a limit of the ledger: objects and arrays nested deeper than 1000 levels");
        assertRejected("{\"" + "k".repeat(50_001) + "\":1}", null,
                       "the JSON goes past a limit of the ledger: a key longer than 50000 characters");
        assertRejected("{\"notes\":" + "9".repeat(1001) + "}", null,
                       "the JSON goes past a limit of the ledger: a number longer than 1000 digits");
    }

    /** Read as a request body is, or as an import line is ({@code readTree}) when it is no request's shape. */
    private void assertRejected(String body, String field, String message) {
        JsonProcessingException failure = catchThrowableOfType(JsonProcessingException.class,
                () -> json.readTree(body));
        if (failure == null) {
            failure = catchThrowableOfType(JsonProcessingException.class,
                    () -> json.readValue(body, FormCoalitionRequest.class));
        }
        assertThat(failure).as(body.length() > 200 ? body.substring(0, 200) : body).isNotNull();
        Rejection rejection = JsonProblems.rejection(failure);
        assertThat(rejection.field()).isEqualTo(field);
        assertThat(rejection.getMessage()).isEqualTo(message).doesNotContain("`").doesNotContain("Constraints");
    }
}
