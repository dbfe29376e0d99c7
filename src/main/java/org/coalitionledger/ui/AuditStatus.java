package org.coalitionledger.ui;

import java.util.List;

/**
 * What the audit page shows under "Verification status": {@link VerifiedAuditStatus} answers it from the audit
 * service. Should no bean of this type be defined, the page says that verification is not available
 * ({@link #UNAVAILABLE}).
 */
public interface AuditStatus {

    /** The current verification state, as the audit page shows it. */
    Report report();

    /** A verification result: whether verification ran, whether it passed, a one-line summary and details. */
    record Report(boolean available, boolean verified, String summary, List<String> details) {
    }

    /** The placeholder used when no audit service is wired in. */
    AuditStatus UNAVAILABLE = () -> new Report(false, false, "verification not available", List.of(
            "The audit service (verification, bundle and report under /api/audit/**) is not installed in this"
                    + " build."));
}
