package org.coalitionledger.storage;

/**
 * A write refused before it started because the data directory's disk is nearly full ({@link StorageGuard}); the
 * API answers it with {@code 507 Insufficient Storage}.
 */
public class StorageFull extends RuntimeException {

    StorageFull(long usable, long minFree) {
        super("the data directory has " + usable + " bytes usable, less than ledger.storage.min-free (" + minFree
                      + " bytes); nothing was written, retry once space is freed");
    }

    /** An import about to be written that needs about {@code needed} bytes more than the margin. */
    public StorageFull(long usable, long minFree, long needed) {
        super("the data directory has " + usable + " bytes usable; writing this import needs about " + needed
                      + " bytes above ledger.storage.min-free (" + minFree + " bytes); nothing was written, retry"
                      + " once space is freed");
    }
}
