package org.coalitionledger.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.coalitionledger.ui.AuditStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit never goes silently stale: when sealing fails, or no sealing pass completes for longer than the gap
 * timeout plus the seal interval, verify answers "stale" (never "ok") with the reason, readiness is DOWN and the audit
 * page says so; once a pass succeeds again, all is back. The scheduled sealer is held off (an hour between passes):
 * the tests run passes with POST /api/audit/checkpoints.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditStaleHttpTest extends OwnLedgerHttpTest {

    /** The failures this test provokes are asserted through verify, readiness and the page, not logged. */
    private static QuietLoggers quiet;

    @BeforeEach
    void quiet() {
        // after the application has started: its start sets the configured levels again
        quiet = QuietLoggers.of("org.coalitionledger.audit.AuditSealer", "org.coalitionledger.web.ApiExceptionHandler");
    }

    @AfterAll
    static void loud() {
        if (quiet != null) {
            quiet.close();
        }
    }

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("ledger.audit.seal-interval", () -> "PT1H");
        registry.add("ledger.audit.gap-timeout", () -> "PT1M");
    }

    @Autowired
    private Clock clock;

    /** What the audit page shows under "Verification status". */
    @Autowired
    private AuditStatus pageStatus;

    @BeforeEach
    void loadTheExampleAndSeal() {
        importTheExampleOnce();
        assertThat(post("/api/audit/checkpoints", "").status()).isBetween(200, 201);
        assertThat(verify().get("status").asText()).isEqualTo("ok");
        assertThat(readiness().status()).isEqualTo(200);
    }

    @Test
    void aFailedSealingPassMakesTheAuditStaleUntilOneSucceeds() {
        long sealed = jdbc.queryForObject("select count(*) from audit_leaf", Long.class);
        jdbc.execute("alter table audit_leaf add constraint block_sealing check (leaf_index < " + sealed + ")");
        try {
            assertThat(post("/api/coalitions/it-coalition/members",
                            "{\"party\":\"FR\",\"effectiveDate\":\"2024-06\",\"source\":" + SOURCE + "}").status())
                    .isEqualTo(201);
            assertThat(post("/api/audit/checkpoints", "").status()).isEqualTo(500);

            JsonNode answer = verify();
            assertThat(answer.get("status").asText()).isEqualTo("stale");
            assertThat(answer.get("reason").asText()).contains("sealing has failed since", "not sealed");
            assertThat(answer.get("pending").asLong()).isEqualTo(1);
            Response readiness = readiness();
            assertThat(readiness.status()).isEqualTo(503);
            assertThat(readiness.json().get("status").asText()).isEqualTo("DOWN");
            assertThat(pageStatus.report().summary()).as("the audit page").contains("the audit is stale");
            assertThat(get("/actuator/health/liveness").status()).as("a restart would not help").isEqualTo(200);
        } finally {
            jdbc.execute("alter table audit_leaf drop constraint block_sealing");
        }
        assertThat(post("/api/audit/checkpoints", "").status()).isEqualTo(201);
        assertThat(verify().get("status").asText()).isEqualTo("ok");
        assertThat(verify().has("reason")).isFalse();
        assertThat(readiness().status()).isEqualTo(200);
    }

    @Test
    void noSealingPassForLongerThanTheGapTimeoutMakesTheAuditStale() {
        ((MovableClock) clock).advance(Duration.ofMinutes(30));
        assertThat(verify().get("status").asText()).as("30 minutes: within gap timeout + seal interval")
                .isEqualTo("ok");
        ((MovableClock) clock).advance(Duration.ofMinutes(32));
        JsonNode answer = verify();
        assertThat(answer.get("status").asText()).isEqualTo("stale");
        assertThat(answer.get("reason").asText()).contains("no sealing pass has completed since", "PT1H1M");
        assertThat(readiness().status()).isEqualTo(503);
        assertThat(pageStatus.report().summary()).as("the audit page").contains("the audit is stale");

        assertThat(post("/api/audit/checkpoints", "").status()).isBetween(200, 201);
        assertThat(verify().get("status").asText()).isEqualTo("ok");
        assertThat(readiness().status()).isEqualTo(200);
    }

    private JsonNode verify() {
        Response response = get("/api/audit/verify");
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    private Response readiness() {
        return send(null, org.springframework.http.HttpMethod.GET, "/actuator/health/readiness", null, null);
    }
}
