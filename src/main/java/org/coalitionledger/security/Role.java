package org.coalitionledger.security;

/** What a user may do. ADMIN may do everything the others may, and rebuild projections. */
public enum Role {
    /** Reads every coalition, agreement, party, history and timeline. */
    VIEWER,
    /** Reads, and records, corrects, retracts and imports acts. */
    RECORDER,
    /** Reads, and uses the audit log, verification, proofs, bundle, report and export; records nothing. */
    AUDITOR,
    /** Everything, plus projection rebuilds, backups and the metrics. */
    ADMIN,
    /** Reads the metrics ({@code /actuator/prometheus}) and nothing else: for a Prometheus server's scrape job. */
    METRICS;

    /** The authority Spring Security checks for this role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
