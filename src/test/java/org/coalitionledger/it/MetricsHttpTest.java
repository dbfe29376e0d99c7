package org.coalitionledger.it;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.http.HttpMethod;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /actuator/prometheus} for the METRICS role and ADMIN only: Axon's command timers by payload type and
 * outcome, the projections' lag, refused logins, the audit's sealing and its latest verify; readiness names the
 * projections. A METRICS user reads nothing else.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false) // Spring's tests leave metrics out otherwise
class MetricsHttpTest extends LedgerHttpTestSupport {

    @DynamicPropertySource
    static void ownLedger(DynamicPropertyRegistry registry) {
        TestDatabase.registerFresh(registry);
    }

    private static final String PROMETHEUS = "/actuator/prometheus";

    @Test
    void onlyMetricsAndAdminReadTheMetrics() {
        assertThat(send(null, HttpMethod.GET, PROMETHEUS, null, null).status()).isEqualTo(401);
        for (TestUsers.TestUser reader : java.util.List.of(TestUsers.VIEWER, TestUsers.RECORDER, TestUsers.AUDITOR)) {
            assertThat(send(reader, HttpMethod.GET, PROMETHEUS, null, null).status()).as(reader.name()).isEqualTo(403);
        }
        assertThat(send(TestUsers.ADMIN, HttpMethod.GET, PROMETHEUS, null, null).status()).isEqualTo(200);
        Response scraped = send(TestUsers.METRICS, HttpMethod.GET, PROMETHEUS, null, null);
        assertThat(scraped.status()).isEqualTo(200);
        assertThat(scraped.headers().getContentType().toString()).startsWith("text/plain");
        // and nothing else
        assertThat(send(TestUsers.METRICS, HttpMethod.GET, "/api/coalitions", null, null).status()).isEqualTo(403);
        assertThat(send(TestUsers.METRICS, HttpMethod.GET, "/actuator", null, null).status()).isEqualTo(403);
        assertThat(send(TestUsers.METRICS, HttpMethod.POST, "/api/coalitions", "{}", "application/json").status())
                .isEqualTo(403);
    }

    @Test
    void commandsAreTimedByTypeAndOutcome() {
        String coalition = uniqueId("metrics");
        double joinsBefore = value(scrape(), "commandBus_successTimer_seconds_count", "payloadType=\"JoinCoalition\"");
        double refusedBefore = value(scrape(), "commandBus_failureTimer_seconds_count",
                                     "payloadType=\"JoinCoalition\"");
        assertThat(post("/api/coalitions", """
                {"coalition":"%s","name":"Metrics","effectiveDate":"2020-01","source":%s}"""
                .formatted(coalition, SOURCE)).status()).isEqualTo(201);
        String join = "{\"party\":\"EE\",\"effectiveDate\":\"2021-02\",\"source\":" + SOURCE + "}";
        assertThat(post("/api/coalitions/" + coalition + "/members", join).status()).isEqualTo(201);
        assertThat(post("/api/coalitions/" + coalition + "/members", join).status()).isEqualTo(409);

        String metrics = scrape();
        assertThat(value(metrics, "commandBus_successTimer_seconds_count", "payloadType=\"JoinCoalition\""))
                .isEqualTo(joinsBefore + 1);
        assertThat(value(metrics, "commandBus_failureTimer_seconds_count", "payloadType=\"JoinCoalition\""))
                .isEqualTo(refusedBefore + 1);
        assertThat(metrics).contains("commandBus_successTimer_seconds_sum{payloadType=\"FormCoalition\"");
        for (String group : new String[]{"membership", "commitments", "history"}) {
            assertThat(metrics).contains("ledger_projection_lag_events{group=\"" + group + "\"}");
        }
        assertThat(metrics).contains("ledger_audit_sealed_events_total", "ledger_commands_groups_total",
                                     "ledger_commands_grouped_total", "ledger_commands_groups_undone_total");
    }

    @Test
    void importLinesAreCountedByOutcome() {
        String coalition = uniqueId("metrics-import");
        double written = value(scrape(), "ledger_import_lines_total", "outcome=\"written\"");
        double refused = value(scrape(), "ledger_import_lines_total", "outcome=\"refused\"");
        String formed = "{\"command\":\"FormCoalition\",\"coalition\":\"" + coalition + "\",\"name\":\"M\","
                + "\"effectiveDate\":\"2020-01\",\"source\":" + SOURCE + "}";
        String joined = "{\"command\":\"JoinCoalition\",\"coalition\":\"" + coalition + "\",\"party\":\"EE\","
                + "\"effectiveDate\":\"2021-01\",\"source\":" + SOURCE + "}";
        assertThat(postLines("/api/import", formed + "\n" + joined + "\n").status()).isEqualTo(201);
        String bad = "{\"command\":\"JoinCoalition\",\"coalition\":\"" + coalition + "\",\"party\":\"XX\","
                + "\"effectiveDate\":\"2021-01\",\"source\":" + SOURCE + "}";
        assertThat(postLines("/api/import", bad + "\n").status()).isEqualTo(422);
        String metrics = scrape();
        assertThat(value(metrics, "ledger_import_lines_total", "outcome=\"written\"")).isEqualTo(written + 2);
        assertThat(value(metrics, "ledger_import_lines_total", "outcome=\"refused\"")).isEqualTo(refused + 1);
    }

    @Test
    void refusedLoginsAndTheLatestVerifyAreCounted() {
        double before = value(scrape(), "ledger_login_failures_total", "reason=\"bad_credentials\"");
        TestUsers.TestUser wrong = new TestUsers.TestUser(TestUsers.VIEWER.name(), "not-the-password", "VIEWER");
        assertThat(send(wrong, HttpMethod.GET, "/api/coalitions", null, null).status()).isEqualTo(401);
        assertThat(value(scrape(), "ledger_login_failures_total", "reason=\"bad_credentials\""))
                .isEqualTo(before + 1);

        Response verified = send(TestUsers.AUDITOR, HttpMethod.GET, "/api/audit/verify", null, null);
        assertThat(verified.status()).isEqualTo(200);
        String metrics = scrape();
        assertThat(value(metrics, "ledger_audit_verify_ok", null))
                .isEqualTo(verified.json().get("status").asText().equals("ok") ? 1.0 : 0.0);
        assertThat(value(metrics, "ledger_audit_verify_last_seconds", null))
                .isCloseTo(System.currentTimeMillis() / 1000.0, org.assertj.core.data.Offset.offset(60.0));
    }

    @Test
    void readinessNamesTheProjectionsAndTheirLag() {
        Response readiness = send(TestUsers.ADMIN, HttpMethod.GET, "/actuator/health/readiness", null, null);
        assertThat(readiness.status()).as(readiness.text()).isEqualTo(200);
        assertThat(readiness.json().at("/components/projections/status").asText()).isEqualTo("UP");
        assertThat(readiness.json().at("/components/projections/details/membership").asText())
                .endsWith("events behind");
        // without a login the components and their state show, not their details
        Response anonymous = send(null, HttpMethod.GET, "/actuator/health/readiness", null, null);
        assertThat(anonymous.json().at("/components/projections/status").asText()).isEqualTo("UP");
        assertThat(anonymous.json().at("/components/projections/details").isMissingNode()).isTrue();
    }

    private String scrape() {
        Response scraped = send(TestUsers.METRICS, HttpMethod.GET, PROMETHEUS, null, null);
        assertThat(scraped.status()).isEqualTo(200);
        return scraped.text();
    }

    /** The sample's value; 0 when the line is absent (a meter not yet registered counts nothing). */
    private static double value(String metrics, String name, String label) {
        Pattern line = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*})? (\\S+)$");
        Matcher matcher = line.matcher(metrics);
        while (matcher.find()) {
            if (label == null || (matcher.group(1) != null && matcher.group(1).contains(label))) {
                return Double.parseDouble(matcher.group(2));
            }
        }
        return 0;
    }
}
