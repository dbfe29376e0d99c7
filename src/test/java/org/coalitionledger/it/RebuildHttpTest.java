package org.coalitionledger.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Rebuilding a projection from the event store gives back the same answers, and reports its progress. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RebuildHttpTest extends SharedLedgerHttpTest {

    @Autowired
    ApplicationContext context;

    @Test
    void rebuiltProjectionsAnswerAsBefore() {
        String coalition = uniqueId("rebuilt");
        assertThat(postLines("/api/import", example(coalition)).status()).isEqualTo(201);
        String[] reads = {"/api/coalitions/" + coalition + "/members?asOf=2024-06-01&knownAt=2100-01-01T00:00:00Z",
                "/api/agreements/" + coalition + "-cooperation-agreement/commitments?asOf=2025-01-01"
                        + "&knownAt=2100-01-01T00:00:00Z",
                "/api/coalitions/" + coalition + "/history?knownAt=2100-01-01T00:00:00Z"};
        JsonNode[] before = new JsonNode[reads.length];
        for (int i = 0; i < reads.length; i++) {
            before[i] = get(reads[i]).json();
        }
        for (String group : new String[]{"membership", "commitments", "history"}) {
            Response started = post("/api/admin/rebuilds/" + group, "");
            assertThat(started.status()).as(started.text()).isEqualTo(202);
            // a rebuild replays the whole store, the events of other tests' ledgers as well
            assertThat(started.json().get("total").asLong()).isEqualTo(storedEvents());
            await().atMost(Duration.ofSeconds(30)).until(() -> done(group));
        }
        for (int i = 0; i < reads.length; i++) {
            assertThat(get(reads[i]).json()).as(reads[i]).isEqualTo(before[i]);
        }
        JsonNode rebuilds = get("/api/admin/rebuilds").json();
        assertThat(rebuilds).hasSizeGreaterThanOrEqualTo(3);
        rebuilds.forEach(r -> assertThat(r.get("done").asLong()).isEqualTo(r.get("total").asLong()));
        assertThat(post("/api/admin/rebuilds/nothing", "").status()).isEqualTo(404);
    }

    /**
     * A projection whose tokens have another number of segments than configured (a store initialised with an earlier
     * setting) gets the configured number from its next rebuild, with the same answers.
     */
    @Test
    void aRebuildGivesTheProjectionTheConfiguredNumberOfSegments() {
        String coalition = uniqueId("resegmented");
        assertThat(postLines("/api/import", example(coalition)).status()).isEqualTo(201);
        String read = "/api/coalitions/" + coalition + "/history?knownAt=2100-01-01T00:00:00Z";
        JsonNode before = get(read).json();
        int configured = context.getEnvironment().getProperty("ledger.projections.segments", Integer.class);
        assertThat(segments("history")).isEqualTo(configured);

        // the history projection's tokens as an earlier version with one segment fewer left them
        StreamingEventProcessor history = context.getBean(EventProcessingConfiguration.class)
                .eventProcessor("history", StreamingEventProcessor.class).orElseThrow();
        TokenStore tokens = context.getBean(TokenStore.class);
        TrackingToken head = context.getBean(EventStore.class).createHeadToken();
        history.shutDown();
        try {
            new TransactionTemplate(context.getBean(PlatformTransactionManager.class)).executeWithoutResult(tx -> {
                jdbc.update("delete from token_entry where processor_name = 'history'");
                tokens.initializeTokenSegments("history", configured - 1, head);
            });
        } finally {
            history.start();
        }
        assertThat(segments("history")).isEqualTo(configured - 1);

        Response started = post("/api/admin/rebuilds/history", "");
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> done("history") && get(read).status() == 200);
        assertThat(segments("history")).isEqualTo(configured);
        assertThat(get(read).json()).isEqualTo(before);
    }

    private long segments(String group) {
        return jdbc.queryForObject("select count(*) from token_entry where processor_name = ?", Long.class, group);
    }

    private boolean done(String group) {
        for (JsonNode rebuild : get("/api/admin/rebuilds").json()) {
            if (rebuild.get("group").asText().equals(group) && rebuild.get("state").asText().equals("DONE")) {
                return true;
            }
        }
        return false;
    }
}
