package org.coalitionledger.ui;

import java.util.List;

/**
 * What the audit page shows under "Verification status". The audit service that verifies the event chain is not
 * part of this module yet: until a bean of this type is defined, the page says that verification is not available
 * ({@link #UNAVAILABLE}). To wire the real one, declare a Spring bean implementing this interface.
 */
public interface AuditStatus {

    /** The current verification state, as the audit page shows it. */
    Report report();

    /** A verification result: whether verification ran, whether it passed, a one-line summary and details. */
    record Report(boolean available, boolean verified, String summary, List<String> details) {
    }

    /** The placeholder used while no audit service is wired in. */
    AuditStatus UNAVAILABLE = () -> new Report(false, false, "verification not available", List.of(
            "The audit service (verification, bundle and report under /api/audit/**) is not installed in this"
                    + " build."));
}
