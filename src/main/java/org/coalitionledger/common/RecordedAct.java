package org.coalitionledger.common;

/**
 * What every event of the ledger has in common: the id of the record, when the act took effect in the world, and
 * the source it was recorded from. Who recorded it and when live in the event's metadata and timestamp.
 */
public interface RecordedAct {

    /** What kind of act this is: names its command, event and label. */
    ActKind kind();

    String recordId();

    /** When the act took effect; {@code null} only for an agreement registered without a date. */
    PartialDate effectiveDate();

    Source source();

    String notes();
}
