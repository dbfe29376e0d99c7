package org.coalitionledger.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed logins per user name and per source address. A name is counted as the user store matches it,
 * whatever its case ({@code Auditor} and {@code aUDITOR} are one user, and share one count). Once either reaches
 * its limit, logins for it are refused until the lockout has passed since its last failure; a successful login
 * clears the user's count. Counts are kept in memory, so they start afresh on restart, and the table is bounded so
 * that a flood of made-up names cannot fill the heap.
 */
final class LoginThrottle {

    static final int MAX_TRACKED = 100_000;

    private final SecurityProperties.Throttle limits;
    private final Clock clock;
    private final Map<String, Failures> byUser = new ConcurrentHashMap<>();
    private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();

    LoginThrottle(SecurityProperties.Throttle limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    private record Failures(int count, Instant last) {
    }

    /** How long a login by this user from this address must still wait; zero when it may go ahead. */
    Duration wait(String user, String address) {
        Instant now = clock.instant();
        Duration forUser = waitFor(byUser, normalised(user), limits.maxFailuresPerUser(), now);
        Duration forAddress = waitFor(byAddress, address, limits.maxFailuresPerAddress(), now);
        return forUser.compareTo(forAddress) >= 0 ? forUser : forAddress;
    }

    void failed(String user, String address) {
        Instant now = clock.instant();
        count(byUser, normalised(user), now);
        count(byAddress, address, now);
    }

    void succeeded(String user) {
        if (user != null) {
            byUser.remove(normalised(user));
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
