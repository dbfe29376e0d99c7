package org.coalitionledger.it;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guard goes by the rebuild's row in {@code projection_rebuild}, which every node on the database reads: a node
 * that takes no part in a rebuild (here: a row written as another node would write it, with a target this node's
 * tokens have not reached) refuses reads of that projection, and answers again once the row is gone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RebuildGuardHttpTest extends OwnLedgerHttpTest {

    private static final String MEMBERS = "/api/coalitions/it-coalition/members?asOf=2024-06-01"
            + "&knownAt=2100-01-01T00:00:00Z";
    private static final Duration CACHE_AND_MARGIN = Duration.ofSeconds(5);

    @Test
    void readsOfAProjectionAnswer503WhileItsRebuildRowExistsAndAgainOnceItIsGone() throws Exception {
        assertThat(postLines("/api/import", example()).status()).isEqualTo(201);
        TwoNodesTest.awaitTrue("the import is visible", CACHE_AND_MARGIN, () -> get(MEMBERS).status() == 200);
        String answer = get(MEMBERS).text();

        jdbc.update("insert into projection_rebuild (processing_group, started_at, target_position, tokens_reset)"
                            + " values ('membership', ?, ?, true)", Timestamp.from(Instant.now()),
                    storedEvents() + 1_000_000);
        TwoNodesTest.awaitTrue("reads of membership are refused", CACHE_AND_MARGIN,
                               () -> get(MEMBERS).status() == 503);
        Response refused = get(MEMBERS);
        assertThat(refused.headers().getFirst("Retry-After")).isEqualTo("5");
        assertThat(refused.headers().getContentType()).hasToString("application/problem+json");
        assertThat(refused.json().get("title").asText()).isEqualTo("Projection rebuilding");
        assertThat(refused.json().get("rebuild").get("total").asLong()).isEqualTo(storedEvents() + 1_000_000);
        // what does not need the projection still answers
        assertThat(get(MEMBERS + "&mode=replay").status()).isEqualTo(200);
        assertThat(get("/api/coalitions/it-coalition/history").status()).isEqualTo(200);
        assertThat(get("/api/agreements/it-coalition-cooperation-agreement/commitments").status()).isEqualTo(200);
        assertThat(get("/api/admin/rebuilds").json().get(0).get("state").asText()).isEqualTo("REBUILDING");
        // and the node is not ready, saying which projection rebuilds
        // (readiness is measured every second, apart from the probe)
        TwoNodesTest.awaitTrue("the node is not ready", CACHE_AND_MARGIN,
                               () -> get("/actuator/health/readiness").status() == 503);
        Response readiness = get("/actuator/health/readiness");
        assertThat(readiness.status()).isEqualTo(503);
        assertThat(readiness.json().at("/components/projections/status").asText()).isEqualTo("DOWN");
        assertThat(readiness.json().at("/components/projections/details/membership").asText())
                .startsWith("rebuilding: ").endsWith(" of " + (storedEvents() + 1_000_000) + " events");
        assertThat(readiness.json().at("/components/projections/details/history").asText())
                .endsWith("events behind");

        // the node that did the rebuild deletes the row when done
        jdbc.update("delete from projection_rebuild");
        TwoNodesTest.awaitTrue("reads of membership answer again", CACHE_AND_MARGIN,
                               () -> get(MEMBERS).status() == 200);
        assertThat(get(MEMBERS).text()).isEqualTo(answer);
        TwoNodesTest.awaitTrue("the node is ready again", CACHE_AND_MARGIN,
                               () -> get("/actuator/health/readiness").status() == 200);
    }
}
