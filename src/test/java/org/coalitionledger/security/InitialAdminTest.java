package org.coalitionledger.security;

import org.coalitionledger.LedgerApplication;
import org.coalitionledger.it.LedgerHttpTestSupport;
import org.coalitionledger.it.TestUsers;
import org.coalitionledger.ui.PageSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** With no user configured, the first start creates the admin; there is never a built-in password. */
class InitialAdminTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @Test
    void firstStartWritesARandomPasswordReadableOnlyByItsOwnerAndKeepsItAcrossRestarts() throws Exception {
        Path dataDir = Path.of(LedgerHttpTestSupport.freshDataDir());
        String password;
        try (ConfigurableApplicationContext ledger = start(dataDir)) {
            Path file = dataDir.resolve("initial-admin-password");
            assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(Files.getPosixFilePermissions(dataDir.resolve("admin-password.bcrypt")))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            password = Files.readString(file).trim();
            assertThat(password).hasSizeGreaterThanOrEqualTo(20);
            assertThat(status(ledger, "admin", password)).isEqualTo(200);
            assertThat(status(ledger, "admin", "admin")).isEqualTo(401);
            assertThat(status(ledger, "admin", "")).isEqualTo(401);
            assertThat(adminCreations(ledger, password)).as("the first start records the admin").isEqualTo(1);
        }
        try (ConfigurableApplicationContext again = start(dataDir)) {
            assertThat(Files.readString(dataDir.resolve("initial-admin-password")).trim()).isEqualTo(password);
            assertThat(status(again, "admin", password)).isEqualTo(200);
            assertThat(adminCreations(again, password)).as("and no later start again").isEqualTo(1);
        }
    }

    /**
     * How often the audit page's user events (those recorded by {@code ledger}) list the admin's creation from the
     * first start; the event store holds as many {@code UserCreated} events for it, sealed in the audit tree.
     */
    private static int adminCreations(ConfigurableApplicationContext ledger, String password) throws Exception {
        int port = ((WebServerApplicationContext) ledger).getWebServer().getPort();
        String basic = Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> page = PageSession.of(new TestUsers.TestUser("admin", password, "ADMIN"), port)
                .get("/audit?recordedBy=ledger");
        assertThat(page.statusCode()).isEqualTo(200);
        String section = page.body().substring(page.body().indexOf("id=\"user-events\""));
        Matcher rows = Pattern.compile("<td[^>]*>UserCreated</td>\\s*<td[^>]*>admin</td>\\s*<td[^>]*>([^<]*)</td>")
                .matcher(section);
        int listed = 0;
        while (rows.find()) {
            assertThat(rows.group(1)).isEqualTo("roles [ADMIN], from initial-admin");
            listed++;
        }
        HttpResponse<String> checkpoint = CLIENT.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/audit/checkpoints"))
                        .header("Authorization", "Basic " + basic).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(checkpoint.statusCode()).as(checkpoint.body()).isEqualTo(201);
        JdbcTemplate jdbc = ledger.getBean(JdbcTemplate.class);
        Integer stored = jdbc.queryForObject("select count(*) from domain_event_entry e join audit_leaf l"
                                                     + " on l.event_identifier = e.event_identifier"
                                                     + " where e.aggregate_identifier = 'user:admin'"
                                                     + " and e.payload_type like '%.UserCreated'", Integer.class);
        assertThat(stored).as("sealed in the audit tree").isEqualTo(listed);
        return listed;
    }

    @Test
    void twoFreshLedgersGetDifferentPasswords() throws Exception {
        Path one = Path.of(LedgerHttpTestSupport.freshDataDir());
        Path two = Path.of(LedgerHttpTestSupport.freshDataDir());
        try (ConfigurableApplicationContext a = start(one); ConfigurableApplicationContext b = start(two)) {
            assertThat(Files.readString(one.resolve("initial-admin-password")))
                    .isNotEqualTo(Files.readString(two.resolve("initial-admin-password")));
        }
    }

    @Test
    void passwordFromTheEnvironmentIsUsedAndNothingIsWritten() throws Exception {
        Path dataDir = Path.of(LedgerHttpTestSupport.freshDataDir());
        try (ConfigurableApplicationContext ledger = start(dataDir,
                                                           "--ledger.security.admin-password=correct-horse-battery")) {
            assertThat(status(ledger, "admin", "correct-horse-battery")).isEqualTo(200);
            assertThat(dataDir.resolve("initial-admin-password")).doesNotExist();
        }
    }

    @Test
    void aShortAdminPasswordIsRefusedAtStart() {
        assertThatThrownBy(() -> startRefused(Path.of(LedgerHttpTestSupport.freshDataDir()),
                                       "--ledger.security.admin-password=short"))
                .hasStackTraceContaining("LEDGER_ADMIN_PASSWORD must be at least 12 characters long");
    }

    @Test
    void aConfiguredPlainPasswordIsRefusedAtStart() {
        assertThatThrownBy(() -> startRefused(Path.of(LedgerHttpTestSupport.freshDataDir()),
                                       "--ledger.security.users[0].name=bob",
                                       "--ledger.security.users[0].password=hunter2",
                                       "--ledger.security.users[0].roles=VIEWER"))
                .hasStackTraceContaining("ledger.security.users[0].password (user 'bob') must be a bcrypt hash");
    }

    @Test
    void aConfiguredUserWithoutRolesIsRefusedAtStart() {
        assertThatThrownBy(() -> startRefused(Path.of(LedgerHttpTestSupport.freshDataDir()),
                                       "--ledger.security.users[0].name=bob",
                                       "--ledger.security.users[0].password="
                                               + new BCryptPasswordEncoder(4).encode("a password")))
                .hasStackTraceContaining("ledger.security.users[0].roles (user 'bob') must name at least one");
    }

    /**
     * A start that the test expects to be refused, and asserts the reason of: Spring Boot's report of the failed start
     * (a stack trace at ERROR) and the context's own warning are silenced for this application only.
     */
    private static ConfigurableApplicationContext startRefused(Path dataDir, String... more) {
        List<String> arguments = new ArrayList<>(List.of(more));
        arguments.addAll(List.of(
                "--logging.level.org.springframework.boot.SpringApplication=off",
                "--logging.level.org.springframework.boot.web.servlet.context"
                        + ".AnnotationConfigServletWebServerApplicationContext=error",
                "--logging.level.org.springframework.boot.autoconfigure.logging.ConditionEvaluationReportLogger=warn"));
        return start(dataDir, arguments.toArray(String[]::new));
    }

    private static ConfigurableApplicationContext start(Path dataDir, String... more) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--ledger.data-dir=" + dataDir));
        arguments.addAll(List.of(more));
        if (arguments.stream().noneMatch(argument -> argument.startsWith("--ledger.security.admin-password="))) {
            arguments.add("--ledger.security.admin-password=");
        }
        return new SpringApplicationBuilder(LedgerApplication.class).run(arguments.toArray(String[]::new));
    }

    private static int status(ConfigurableApplicationContext ledger, String user, String password) throws Exception {
        int port = ((WebServerApplicationContext) ledger).getWebServer().getPort();
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/coalitions"))
                                   .header("Authorization", "Basic " + basic).GET().build(),
                           HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
