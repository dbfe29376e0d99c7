package org.coalitionledger.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.coalitionledger.config.GroupCommitCommandBus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Group commit over HTTP: requests sent at once share commits, and each still gets its own answer: every act
 * recorded once and visible when answered, one winner in a race and 409 for the others, a bad request refused
 * without failing its neighbours.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GroupCommitHttpTest extends SharedLedgerHttpTest {

    private static final String SOURCE = "{\"title\":\"Group commit test\"}";
    private static final List<String> PARTIES = List.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR",
                                                        "DE", "GR", "HU", "IE", "IT", "LV");
    private static final ExecutorService CLIENTS = Executors.newFixedThreadPool(PARTIES.size());

    @Autowired
    GroupCommitCommandBus commandBus;

    @Autowired
    JdbcTemplate db;

    @AfterAll
    static void stopClients() {
        CLIENTS.shutdownNow();
    }

    @Test
    void joinsSentAtOnceShareCommitsAndEachIsRecordedOnceAndVisible() throws Exception {
        long groupedBefore = commandBus.grouped();
        // a few rounds at most: a group forms only when requests arrive while another commits
        for (int round = 0; round < 3 && commandBus.grouped() == groupedBefore; round++) {
            String coalition = newCoalition();
            List<Response> answers = atOnce(PARTIES.size(), i -> join(coalition, PARTIES.get(i), "2022-03-01"));
            for (Response answer : answers) {
                assertThat(answer.status()).as(answer.text()).isEqualTo(201);
                assertThat(answer.json().get("visible").asBoolean()).isTrue();
            }
            JsonNode members = get("/api/coalitions/" + coalition + "/members?asOf=2022-03-01").json().get("members");
            assertThat(members).extracting(m -> m.get("party").asText())
                    .containsExactlyInAnyOrderElementsOf(PARTIES);
            // one event each, numbered without gap after the formation
            assertThat(db.queryForList("select sequence_number from domain_event_entry where aggregate_identifier = ?"
                                               + " order by sequence_number", Long.class, coalition))
                    .containsExactlyElementsOf(IntStream.rangeClosed(0, PARTIES.size()).mapToObj(n -> (long) n)
                                                       .toList());
        }
        assertThat(commandBus.grouped()).as("commands committed in groups").isGreaterThan(groupedBefore);
    }

    @Test
    void ofRequestsRacingToJoinTheSamePartyOneWinsAndTheOthersGet409() throws Exception {
        String coalition = newCoalition();
        List<Response> answers = atOnce(8, i -> join(coalition, "PL", "2022-03-01"));
        assertThat(answers).extracting(Response::status).containsOnly(201, 409);
        assertThat(answers).filteredOn(answer -> answer.status() == 201).hasSize(1);
        assertThat(answers).filteredOn(answer -> answer.status() == 409)
                .allSatisfy(refused -> assertThat(refused.json().get("field").asText()).isEqualTo("party"));
        JsonNode members = get("/api/coalitions/" + coalition + "/members?asOf=2022-03-01").json().get("members");
        assertThat(members).extracting(m -> m.get("party").asText()).containsExactly("PL");
    }

    @Test
    void aRefusedOrUnknownRequestAmongOthersFailsAloneAndNothingOfItIsWritten() throws Exception {
        String coalition = newCoalition();
        String unknown = uniqueId("never-formed");
        List<Response> answers = atOnce(PARTIES.size(), i -> switch (i % 4) {
            // before the coalition was formed: refused by the aggregate's rules
            case 1 -> join(coalition, PARTIES.get(i), "2019-01-01");
            // a coalition that does not exist
            case 3 -> join(unknown, PARTIES.get(i), "2022-03-01");
            default -> join(coalition, PARTIES.get(i), "2022-03-01");
        });
        List<String> joined = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            Response answer = answers.get(i);
            switch (i % 4) {
                case 1 -> assertThat(answer.status()).as(answer.text()).isEqualTo(409);
                case 3 -> assertThat(answer.status()).as(answer.text()).isEqualTo(404);
                default -> {
                    assertThat(answer.status()).as(answer.text()).isEqualTo(201);
                    joined.add(PARTIES.get(i));
                }
            }
        }
        JsonNode members = get("/api/coalitions/" + coalition + "/members?asOf=2022-03-01").json().get("members");
        assertThat(members).extracting(m -> m.get("party").asText()).containsExactlyInAnyOrderElementsOf(joined);
        assertThat(db.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                                     Long.class, unknown)).isZero();
    }

    private String newCoalition() {
        String id = uniqueId("group-commit");
        Response formed = post("/api/coalitions", """
                {"coalition":"%s","name":"Group commit","effectiveDate":"2020-01","source":%s}"""
                .formatted(id, SOURCE));
        assertThat(formed.status()).as(formed.text()).isEqualTo(201);
        return id;
    }

    private Response join(String coalition, String party, String date) {
        return post("/api/coalitions/" + coalition + "/members", """
                {"party":"%s","effectiveDate":"%s","source":%s}""".formatted(party, date, SOURCE));
    }

    /** The answers to {@code count} requests sent from as many threads at the same moment, in order. */
    private static List<Response> atOnce(int count, IntFunction<Response> request) throws Exception {
        CyclicBarrier together = new CyclicBarrier(count);
        List<Future<Response>> sent = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = i;
            sent.add(CLIENTS.submit(() -> {
                together.await(30, TimeUnit.SECONDS);
                return request.apply(n);
            }));
        }
        List<Response> answers = new ArrayList<>();
        for (Future<Response> answer : sent) {
            answers.add(answer.get(60, TimeUnit.SECONDS));
        }
        return answers;
    }
}
