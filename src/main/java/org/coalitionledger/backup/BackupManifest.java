package org.coalitionledger.backup;

import java.time.Instant;
import java.util.Map;

/**
 * What a backup holds, written as {@code manifest.json} beside its files: the database it came from, when it was
 * made, the event store's size and the audit tree's latest signed checkpoint at that moment, and the SHA-256 of every
 * file, so that a restore can check the copy before it uses it.
 *
 * @param format            the layout of the backup directory (1)
 * @param database          {@code h2} or {@code postgresql}
 * @param createdAt         when the ledger made the copy
 * @param events            the number of stored events in the copy (on PostgreSQL: when the manifest was written; the
 *                          {@code pg_dump} taken just after holds at least these)
 * @param treeSize          the size of the audit tree's latest signed checkpoint, or 0 before the first
 * @param rootHash          that checkpoint's root hash (hex), or null before the first
 * @param files             every file of the backup (relative path, '/'-separated) with its SHA-256 (hex)
 */
public record BackupManifest(int format, String database, Instant createdAt, long events, long treeSize,
                             String rootHash, Map<String, String> files) {

    public static final String FILE = "manifest.json";
    public static final int FORMAT = 1;
    /** Where H2's own backup of the database file goes in the backup directory. */
    public static final String H2_DIRECTORY = "h2";
    /** Where the checkpoint key pair goes in the backup directory. */
    public static final String KEY_DIRECTORY = "audit";
    /** The PostgreSQL dump that {@code backup} adds with pg_dump (custom format). */
    public static final String PG_DUMP = "ledger.pgdump";
}
