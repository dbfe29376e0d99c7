package org.coalitionledger.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed logins per user name and per source address. A name is counted as the user store matches it,
 * whatever its case ({@code Auditor} and {@code aUDITOR} are one user, and share one count). Once either reaches
 * its limit, logins for it are refused until the lockout has passed since its last failure; a successful login
 * clears the user's count. Counts are kept in the database ({@code login_failure}), so that they hold across
 * restarts and whichever node of several a client tries next; rows whose lockout is long past are deleted. While the
 * database cannot be reached, each node counts in memory instead (bounded, so that a flood of made-up names cannot
 * fill the heap), and the log says so.
 */
final class LoginThrottle {

    static final int MAX_TRACKED = 100_000;

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    private static final String USER = "user";
    private static final String ADDRESS = "address";
    /** Longer names are kept as their SHA-256, so that a made-up name of any length fits the column. */
    private static final int LONGEST_SUBJECT = 200;
    private static final Duration CLEAN_EVERY = Duration.ofMinutes(1);
    private static final Duration RETRY_DATABASE_AFTER = Duration.ofSeconds(5);

    private final SecurityProperties.Throttle limits;
    private final Clock clock;
    private final JdbcTemplate jdbc;
    private final Map<String, Failures> byUser = new ConcurrentHashMap<>();
    private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();
    private volatile Instant cleanedAt = Instant.EPOCH;
    private volatile boolean inMemory;
    private volatile Instant failedAt = Instant.EPOCH;

    LoginThrottle(SecurityProperties.Throttle limits, Clock clock, JdbcTemplate jdbc) {
        this.limits = limits;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    private record Failures(int count, Instant last) {
    }

    /** How long a login by this user from this address must still wait; zero when it may go ahead. */
    Duration wait(String user, String address) {
        Instant now = clock.instant();
        if (databaseUsable(now)) {
            try {
                Duration forUser = waitFor(USER, subject(normalised(user)), limits.maxFailuresPerUser(), now);
                Duration forAddress = waitFor(ADDRESS, subject(address), limits.maxFailuresPerAddress(), now);
                stored();
                return forUser.compareTo(forAddress) >= 0 ? forUser : forAddress;
            } catch (DataAccessException e) {
                inMemory(e);
            }
        }
        Duration forUser = waitFor(byUser, normalised(user), limits.maxFailuresPerUser(), now);
        Duration forAddress = waitFor(byAddress, address, limits.maxFailuresPerAddress(), now);
        return forUser.compareTo(forAddress) >= 0 ? forUser : forAddress;
    }

    void failed(String user, String address) {
        Instant now = clock.instant();
        if (databaseUsable(now)) {
            try {
                count(USER, subject(normalised(user)), now);
                count(ADDRESS, subject(address), now);
                clean(now);
                stored();
                return;
            } catch (DataAccessException e) {
                inMemory(e);
            }
        }
        count(byUser, normalised(user), now);
        count(byAddress, address, now);
    }

    void succeeded(String user) {
        if (user != null) {
            byUser.remove(normalised(user));
            if (databaseUsable(clock.instant())) {
                try {
                    jdbc.update("delete from login_failure where kind = ? and subject = ?", USER,
                                subject(normalised(user)));
                } catch (DataAccessException e) {
                    inMemory(e);
                }
            }
        }
    }

    private Duration waitFor(String kind, String subject, int max, Instant now) {
        if (subject == null) {
            return Duration.ZERO;
        }
        List<Failures> found = jdbc.query("select failures, last_failure from login_failure"
                                                  + " where kind = ? and subject = ?",
                                          (row, i) -> new Failures(row.getInt(1), row.getTimestamp(2).toInstant()),
                                          kind, subject);
        if (found.isEmpty() || found.get(0).count() < max) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(now, found.get(0).last().plus(limits.lockout()));
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** One more failure; a count whose lockout has passed starts again at one. */
    private void count(String kind, String subject, Instant now) {
        if (subject == null) {
            return;
        }
        Timestamp at = Timestamp.from(now);
        Timestamp expired = Timestamp.from(now.minus(limits.lockout()));
        String update = "update login_failure set failures = case when last_failure < ? then 1 else failures + 1 end,"
                + " last_failure = ? where kind = ? and subject = ?";
        if (jdbc.update(update, expired, at, kind, subject) == 0) {
            try {
                jdbc.update("insert into login_failure (kind, subject, failures, last_failure) values (?, ?, 1, ?)",
                            kind, subject, at);
            } catch (DuplicateKeyException raced) {
                // another node (or request) counted the first failure at the same moment
                jdbc.update(update, expired, at, kind, subject);
            }
        }
    }

    /** At most once a minute per node: forgets failures whose lockout ended a lockout ago. */
    private void clean(Instant now) {
        if (Duration.between(cleanedAt, now).compareTo(CLEAN_EVERY) < 0) {
            return;
        }
        cleanedAt = now;
        jdbc.update("delete from login_failure where last_failure < ?",
                    Timestamp.from(now.minus(limits.lockout()).minus(limits.lockout())));
    }

    private static String subject(String name) {
        if (name == null || name.length() <= LONGEST_SUBJECT) {
            return name;
        }
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                                                               .digest(name.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** False for a few seconds after the database failed, so that logins do not each wait for its timeout. */
    private boolean databaseUsable(Instant now) {
        return !inMemory || now.isAfter(failedAt.plus(RETRY_DATABASE_AFTER));
    }

    private void inMemory(DataAccessException e) {
        failedAt = clock.instant();
        if (!inMemory) {
            inMemory = true;
            log.warn("Failed logins are counted in this node's memory while the database cannot be reached: {}",
                     e.getMessage());
        }
    }

    private void stored() {
        if (inMemory) {
            inMemory = false;
            log.info("Failed logins are counted in the database again");
        }
    }

    /** The name as the user store looks it up: names match whatever their case. */
    static String normalised(String user) {
        return user == null ? null : user.toLowerCase(Locale.ROOT);
    }

    private Duration waitFor(Map<String, Failures> table, String key, int max, Instant now) {
        if (key == null) {
            return Duration.ZERO;
        }
        Failures failures = table.get(key);
        if (failures == null || failures.count() < max) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(now, failures.last().plus(limits.lockout()));
        if (left.isNegative() || left.isZero()) {
            table.remove(key, failures);
            return Duration.ZERO;
        }
        return left;
    }

    private void count(Map<String, Failures> table, String key, Instant now) {
        if (key == null) {
            return;
        }
        if (table.size() >= MAX_TRACKED) {
            table.values().removeIf(f -> f.last().plus(limits.lockout()).isBefore(now));
        }
        if (table.size() >= MAX_TRACKED && !table.containsKey(key)) {
            return;
        }
        table.merge(key, new Failures(1, now), (old, one) -> {
            boolean expired = old.last().plus(limits.lockout()).isBefore(now);
            return new Failures(expired ? 1 : old.count() + 1, now);
        });
    }
}
