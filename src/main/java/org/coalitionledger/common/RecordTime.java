package org.coalitionledger.common;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The record-time clock: when the ledger recorded an act (its event timestamp). Axon stores event timestamps to the
 * millisecond, so record times are kept to the millisecond everywhere, and "known at" means the same in
 * projections and in replays.
 */
public final class RecordTime {

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
