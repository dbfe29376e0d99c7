package org.coalitionledger.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failed logins are counted in the database: a user locked out stays locked out after a restart, and on another
 * node of the same database. (The lockout itself, its limits and its answers are {@code SecurityHttpTest}'s.)
 */
class SharedLockoutTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final TestUsers.TestUser WRONG = new TestUsers.TestUser(TestUsers.VIEWER.name(), "wrong", "VIEWER");

    @Test
    void aLockoutSurvivesARestart(@TempDir Path dir) {
        List<String> arguments = TestDatabase.arguments(dir.resolve("data"));
        try (RunningLedger ledger = RunningLedger.start(arguments)) {
            lockOut(ledger);
        }
        try (RunningLedger restarted = RunningLedger.start(arguments)) {
            HttpResponse<String> refused = call(restarted, TestUsers.VIEWER);
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            // other users are not locked out
            assertThat(call(restarted, TestUsers.AUDITOR).statusCode()).isEqualTo(200);
        }
    }

    @Test
    @EnabledIfSystemProperty(named = TestDatabase.PROPERTY, matches = "postgresql")
    void aLockoutHoldsOnEveryNode(@TempDir Path dir) {
        String database = TestPostgres.freshDatabase();
        try (RunningLedger a = RunningLedger.start(node(database, dir.resolve("a")));
             RunningLedger b = RunningLedger.start(node(database, dir.resolve("b")))) {
            // (b must not have seen the right password yet: a node remembers a checked password for five minutes)
            lockOut(a);
            HttpResponse<String> refused = call(b, TestUsers.VIEWER);
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(429);
            assertThat(refused.body()).contains("failed logins");
        }
    }

    /** Five failed logins: the default limit per user. */
    private static void lockOut(RunningLedger ledger) {
        // the failed logins are this test's doing
        try (QuietLoggers quiet = QuietLoggers.of("org.coalitionledger.security.LoginCheck")) {
            for (int i = 0; i < 5; i++) {
                assertThat(call(ledger, WRONG).statusCode()).isEqualTo(401);
            }
            assertThat(call(ledger, TestUsers.VIEWER).statusCode()).isEqualTo(429);
        }
    }

    private static List<String> node(String database, Path dataDir) {
        List<String> arguments = new ArrayList<>(TestDatabase.postgresArguments(database));
        arguments.add("--ledger.data-dir=" + dataDir);
        return arguments;
    }

    private static HttpResponse<String> call(RunningLedger ledger, TestUsers.TestUser as) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + ledger.port()
                                                                        + "/api/coalitions"))
                .header("Authorization", as.basic()).GET().build();
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
