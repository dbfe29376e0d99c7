/**
 * Backup and restore (docs/operations.md, "Backup and restore"): {@link BackupController} streams a consistent copy
 * of a running ledger (H2's online backup of the database file, the checkpoint key pair and a manifest of what the
 * copy holds); {@link BackupCommand} ({@code java -jar … backup}) fetches it into a directory and, on PostgreSQL, adds
 * a {@code pg_dump} of the database; {@link RestoreCommand} ({@code java -jar … restore}) puts a backup into an empty
 * data directory (and, on PostgreSQL, an empty database).
 */
package org.coalitionledger.backup;
