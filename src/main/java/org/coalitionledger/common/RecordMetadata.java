package org.coalitionledger.common;

/** The metadata keys every recorded act carries beside its payload. Set by the system, never by the request. */
public final class RecordMetadata {

    /** The authenticated user who recorded the act. */
    public static final String RECORDED_BY = "recordedBy";
    /** How the act reached the ledger ("api", "web" for the record forms, or "import"). */
    public static final String CHANNEL = "channel";
    /**
     * Key prefix for provenance carried by an imported export line: the record id, recorder and record time it had
     * in the ledger it was exported from. Kept for the audit trail; never used as this ledger's own.
     */
    public static final String IMPORTED = "imported";

    private RecordMetadata() {
    }
}
