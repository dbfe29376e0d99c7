package org.coalitionledger.storage;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * The usable space of the data directory's file system against {@code ledger.storage.min-free}: what
 * {@link FreeSpaceHealth} reports and {@link StorageGuard} acts on. Read afresh at every call (a {@code statfs}
 * call, a few microseconds), so that space freed is seen at once.
 */
@Component
public class FreeSpace {

    private final Path dataDir;
    private final long minFree;
    private volatile FileStore store;

    FreeSpace(@Value("${ledger.data-dir}") String dataDir,
              @Value("${ledger.storage.min-free:100MB}") DataSize minFree) {
        this.dataDir = Path.of(dataDir);
        this.minFree = minFree.toBytes();
    }

    /** The bytes this process may still write to the data directory's file system; empty if it cannot be read. */
    public OptionalLong usable() {
        try {
            FileStore found = store;
            if (found == null) {
                // finding the file store reads the table of mounts: once, not for every command of an import
                found = Files.getFileStore(dataDir);
                store = found;
            }
            return OptionalLong.of(found.getUsableSpace());
        } catch (IOException e) {
            store = null;
            return OptionalLong.empty();
        }
    }

    /** The usable space below which the ledger takes no more writes. */
    public long minFree() {
        return minFree;
    }
}
