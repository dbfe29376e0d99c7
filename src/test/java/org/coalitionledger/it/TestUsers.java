package org.coalitionledger.it;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One user per role for tests, configured the way an operator would: names, bcrypt hashes and roles. */
public final class TestUsers {

    /** A test user; its password is made up per run and only its bcrypt hash reaches the application. */
    public record TestUser(String name, String password, String role) {

        /** The value of an Authorization header for HTTP Basic. */
        public String basic() {
            return "Basic " + Base64.getEncoder().encodeToString((name + ":" + password)
                                                                         .getBytes(StandardCharsets.UTF_8));
        }
    }

    public static final TestUser VIEWER = user("viv", "VIEWER");
    public static final TestUser RECORDER = user("rita", "RECORDER");
    public static final TestUser AUDITOR = user("audrey", "AUDITOR");
    public static final TestUser ADMIN = user("ada", "ADMIN");
    /** The roles that use the ledger itself (pages and API). */
    public static final List<TestUser> ALL = List.of(VIEWER, RECORDER, AUDITOR, ADMIN);
    /** Reads the metrics only. */
    public static final TestUser METRICS = user("mette", "METRICS");
    /** Every configured test user: {@link #ALL} and {@link #METRICS}. */
    public static final List<TestUser> CONFIGURED = List.of(VIEWER, RECORDER, AUDITOR, ADMIN, METRICS);

    /** Low cost keeps tests fast; the application checks any bcrypt cost. */
    private static final BCryptPasswordEncoder BCRYPT = new BCryptPasswordEncoder(4);
    private static final Map<String, String> PROPERTIES = properties();

    private TestUsers() {
    }

    private static TestUser user(String name, String role) {
        return new TestUser(name, "pw-" + name + "-" + Long.toHexString(System.nanoTime()), role);
    }

    private static Map<String, String> properties() {
        Map<String, String> properties = new LinkedHashMap<>();
        for (int i = 0; i < CONFIGURED.size(); i++) {
            TestUser user = CONFIGURED.get(i);
            properties.put("ledger.security.users[" + i + "].name", user.name());
            properties.put("ledger.security.users[" + i + "].password", BCRYPT.encode(user.password()));
            properties.put("ledger.security.users[" + i + "].roles", user.role());
        }
        return properties;
    }

    /** The users as application properties. */
    public static Map<String, String> asProperties() {
        return PROPERTIES;
    }

    /**
     * How many user and token events (aggregate type {@code UserAccount}) the ledger holds: the import of the
     * configured users at its first start among them. They are sealed in the audit tree, never exported.
     */
    public static long events(JdbcTemplate db) {
        return db.queryForObject("select count(*) from domain_event_entry where type = 'UserAccount'", Long.class);
    }

    /** The users as command-line arguments for an application started in a test. */
    public static List<String> asArguments() {
        List<String> arguments = new ArrayList<>();
        PROPERTIES.forEach((key, value) -> arguments.add("--" + key + "=" + value));
        return arguments;
    }
}
