package org.coalitionledger.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The {@code ledger.security.*} settings: the users (names, bcrypt hashes, roles), the initial admin password, login
 * throttling and the largest request bodies accepted.
 *
 * @param users         the users who may log in; when empty, a single user {@code admin} is created on first start
 * @param adminPassword the initial admin's password (from {@code LEDGER_ADMIN_PASSWORD}); when blank a random one is
 *                      generated, printed once and written to {@code <data-dir>/initial-admin-password}
 * @param throttle      how failed logins are slowed down
 * @param maxBody       the largest body of any request but an import
 * @param maxImportBody the largest body of an import
 * @param maxEvidenceBody the largest evidence file ({@code POST /api/evidence})
 */
@ConfigurationProperties("ledger.security")
public record SecurityProperties(List<UserEntry> users, String adminPassword, Throttle throttle, DataSize maxBody,
                                 DataSize maxImportBody, DataSize maxEvidenceBody) {

    public SecurityProperties {
        users = users == null ? List.of() : List.copyOf(users);
        throttle = throttle == null ? new Throttle(5, 20, Duration.ofMinutes(5)) : throttle;
        maxBody = maxBody == null ? DataSize.ofKilobytes(64) : maxBody;
        maxImportBody = maxImportBody == null ? DataSize.ofMegabytes(256) : maxImportBody;
        maxEvidenceBody = maxEvidenceBody == null ? DataSize.ofMegabytes(20) : maxEvidenceBody;
    }

    /**
     * A configured user.
     *
     * @param name     the login name
     * @param password the bcrypt hash of the password ({@code $2a$…}, {@code $2b$…} or {@code $2y$…}, optionally
     *                 prefixed with {@code {bcrypt}}); never the password itself
     * @param roles    one or more of VIEWER, RECORDER, AUDITOR, ADMIN, METRICS
     */
    public record UserEntry(String name, String password, Set<Role> roles) {
    }

    /**
     * Failed-login throttling: after {@code maxFailuresPerUser} failures for one user name, or
     * {@code maxFailuresPerAddress} from one address, further logins for it are refused with 429 until
     * {@code lockout} has passed since the last failure.
     */
    public record Throttle(int maxFailuresPerUser, int maxFailuresPerAddress, Duration lockout) {
    }
}
