package org.coalitionledger.it;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpMethod;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * PostgreSQL stops answering (its database refuses connections and every session is ended): reads and writes fail
 * within 5 s with 503, Retry-After and a problem detail; health says DOWN within 2 s; once the database is back,
 * requests succeed again without a restart. Runs on the PostgreSQL run only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DatabaseUnreachableTest extends OwnLedgerHttpTest {

    /** The outage this test provokes is asserted through the answers and health, not logged as stack traces. */
    private static QuietLoggers quiet;

    @BeforeEach
    void quiet() {
        // after the application has started: its start sets the configured levels again
        quiet = QuietLoggers.of("com.zaxxer.hikari.pool.ProxyConnection", "com.zaxxer.hikari.pool.HikariPool",
                                "org.axonframework.eventhandling.TrackingEventProcessor",
                                "org.axonframework.eventsourcing.eventstore", "org.springframework.orm",
                                "org.hibernate.engine.jdbc.spi.SqlExceptionHelper",
                                "org.axonframework.messaging.unitofwork",
                                "org.coalitionledger.web.ApiExceptionHandler", "org.coalitionledger.audit");
    }

    @AfterAll
    static void loud() {
        if (quiet != null) {
            quiet.close();
        }
    }

    @Autowired
    private DataSource dataSource;

    @Test
    void requestsFailFastWith503AndHealthIsDownWhileTheDatabaseIsUnreachable() throws Exception {
        assumeTrue(TestDatabase.postgres(), "PostgreSQL only");
        assertThat(get("/api/coalitions").status()).isEqualTo(200);
        String url = ((HikariDataSource) dataSource).getJdbcUrl();
        String database = url.substring(url.lastIndexOf('/') + 1);
        String admin = url.substring(0, url.lastIndexOf('/') + 1) + "postgres";

        admin(admin, "alter database " + database + " allow_connections false",
              "select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + database + "'");
        try {
            assertUnavailable(HttpMethod.GET, "/api/coalitions", null);
            assertUnavailable(HttpMethod.POST, "/api/coalitions",
                              "{\"coalition\":\"offline\",\"name\":\"Offline\",\"effectiveDate\":\"2024-01\","
                                      + "\"source\":" + SOURCE + "}");
            for (String health : new String[]{"/actuator/health", "/actuator/health/readiness"}) {
                long start = System.nanoTime();
                Response answer = send(null, HttpMethod.GET, health, null, null);
                assertThat(Duration.ofNanos(System.nanoTime() - start)).as(health).isLessThan(Duration.ofSeconds(2));
                assertThat(answer.status()).as(health).isEqualTo(503);
                assertThat(answer.json().get("status").asText()).isEqualTo("DOWN");
            }
        } finally {
            admin(admin, "alter database " + database + " allow_connections true");
        }
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(get("/api/coalitions").status()).isEqualTo(200));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                send(null, HttpMethod.GET, "/actuator/health/readiness", null, null).status()).isEqualTo(200));
    }

    private void assertUnavailable(HttpMethod method, String path, String body) {
        long start = System.nanoTime();
        Response answer = send(user, method, path, body, body == null ? null : "application/json");
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(answer.status()).as(method + " " + path + ": " + answer.text()).isEqualTo(503);
        assertThat(took).as(method + " " + path).isLessThan(Duration.ofSeconds(5));
        assertThat(answer.headers().getFirst("Retry-After")).isEqualTo("5");
        assertThat(answer.json().get("field").asText()).isEqualTo("database");
        assertThat(answer.json().get("detail").asText()).contains("cannot be reached", "retry later");
    }

    private static void admin(String url, String... statements) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, TestPostgres.USER, "");
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
