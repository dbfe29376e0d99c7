package org.coalitionledger.common;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The record-time clock: when the ledger recorded an act (its event timestamp). Axon stores event timestamps to the
 * millisecond, so record times are kept to the millisecond everywhere, and "known at" means the same in
 * projections and in replays.
 */
public final class RecordTime {

    /**
     * The record-time end of a view that still holds. Stored instead of null so that "known at" is one range
     * condition an index can serve.
     */
    public static final Instant OPEN = Instant.parse("9999-12-31T00:00:00Z");

    private RecordTime() {
    }

    public static Instant of(Instant timestamp) {
        return timestamp.truncatedTo(ChronoUnit.MILLIS);
    }

    /** True when something recorded at {@code recordedAt} was known at {@code knownAt}. */
    public static boolean knownAt(Instant recordedAt, Instant knownAt) {
        return !of(recordedAt).isAfter(knownAt);
    }
}
