package org.coalitionledger.transfer;

/** Another import runs on this node: imports run one at a time. Answered 429 with Retry-After. */
public class ImportBusyException extends RuntimeException {

    private final transient ImportRuns.Run running;

    ImportBusyException(ImportRuns.Run running) {
        super("another import is running on this node; imports run one at a time");
        this.running = running;
    }

    /** The import that runs, or null when it ended in the meantime. */
    ImportRuns.Run running() {
        return running;
    }
}
