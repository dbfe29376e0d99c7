package org.coalitionledger.backup;

import org.coalitionledger.audit.AuditKeys;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code java -jar coalition-ledger.jar restore --from DIR}: checks a backup against its manifest and puts it into an
 * empty data directory — the H2 database file, and the checkpoint key pair into {@code <data-dir>/audit} — or, for a
 * PostgreSQL backup, restores its dump with {@code pg_restore} into an empty database and the key pair into the data
 * directory. The ledger must not be running on that directory or database. Exit codes: 0 done, 1 refused or failed,
 * 2 usage.
 */
public final class RestoreCommand {

    public static final String COMMAND = "restore";
    private static final List<String> OPTIONS = List.of("--from", "--data-dir", "--database", "--pg-restore");

    private RestoreCommand() {
    }

    public static int run(String[] args, Map<String, String> environment, PrintStream out) {
        Map<String, String> options = BackupFiles.options(args, OPTIONS, out);
        if (options == null || !options.containsKey("--from")) {
            out.println(options == null ? "" : "--from DIR is required.");
            out.println(usage());
            return 2;
        }
        Path from = Path.of(options.get("--from"));
        Path dataDir = Path.of(options.getOrDefault("--data-dir", environment.getOrDefault("LEDGER_DATA_DIR",
                                                                                             "./data")));
        Path keyDir = dataDir.resolve(BackupManifest.KEY_DIRECTORY);
        try {
            BackupManifest manifest = BackupFiles.readManifest(from);
            List<String> damaged = BackupFiles.damaged(from, manifest);
            if (!damaged.isEmpty()) {
                out.println("Refused: the backup is damaged: " + String.join("; ", damaged) + ".");
                return 1;
            }
            if (Files.exists(dataDir.resolve("ledger.mv.db")) || hasFiles(keyDir)) {
                out.println("Refused: " + dataDir.toAbsolutePath() + " already holds a ledger (ledger.mv.db or "
                                    + "audit keys); restore into an empty data directory.");
                return 1;
            }
            if (manifest.database().equals("h2")) {
                Path h2 = from.resolve(BackupManifest.H2_DIRECTORY).resolve("ledger.mv.db");
                if (!Files.isRegularFile(h2)) {
                    out.println("Refused: the backup holds no H2 database file (" + h2 + ").");
                    return 1;
                }
                Files.createDirectories(dataDir);
                Files.copy(h2, dataDir.resolve("ledger.mv.db"), StandardCopyOption.COPY_ATTRIBUTES);
                BackupFiles.ownerOnly(dataDir.resolve("ledger.mv.db"));
            } else {
                String failure = restorePostgres(from, options, environment);
                if (failure != null) {
                    out.println("Refused: " + failure);
                    return 1;
                }
                Files.createDirectories(dataDir);
            }
            restoreKeys(from, keyDir);
            out.println("Restored " + manifest.events() + " events (" + manifest.database() + ", backup of "
                                + manifest.createdAt() + ", audit tree size " + manifest.treeSize() + ") into "
                                + (manifest.database().equals("h2") ? dataDir.toAbsolutePath()
                                   : "the database, keys in " + keyDir.toAbsolutePath())
                                + ". Start the ledger on it and check GET /api/audit/verify.");
            return 0;
        } catch (IOException | IllegalArgumentException e) {
            out.println("Restore failed: " + e.getMessage());
            return 1;
        }
    }

    private static String restorePostgres(Path from, Map<String, String> options, Map<String, String> environment)
            throws IOException {
        Path dump = from.resolve(BackupManifest.PG_DUMP);
        if (!Files.isRegularFile(dump)) {
            return "the backup holds no " + BackupManifest.PG_DUMP + " (was `backup` run with pg_dump?)";
        }
        BackupFiles.Postgres target = BackupFiles.Postgres.of(
                options.getOrDefault("--database", environment.get("LEDGER_DB_URL")),
                environment.getOrDefault("LEDGER_DB_USER", "ledger"),
                environment.getOrDefault("LEDGER_DB_PASSWORD", ""));
        try (Connection connection = DriverManager.getConnection(target.jdbcUrl(), target.user(), target.password());
             ResultSet tables = connection.createStatement().executeQuery(
                     "select count(*) from information_schema.tables where table_schema = 'public'")) {
            tables.next();
            if (tables.getLong(1) > 0) {
                return target.jdbcUrl() + " is not empty (" + tables.getLong(1) + " tables); restore into a new "
                        + "database (createdb).";
            }
        } catch (SQLException e) {
            return "cannot connect to " + target.jdbcUrl() + ": " + e.getMessage();
        }
        List<String> command = new ArrayList<>(List.of(options.getOrDefault("--pg-restore", "pg_restore"),
                                                       "--no-owner", "--no-privileges", "--exit-on-error",
                                                       "--single-transaction"));
        command.addAll(target.options());
        command.add(dump.toString());
        StringBuilder output = new StringBuilder();
        int code = BackupFiles.run(command, target, output);
        return code == 0 ? null : "pg_restore failed (exit " + code + "): " + output.toString().strip();
    }

    private static void restoreKeys(Path from, Path keyDir) throws IOException {
        Path keys = from.resolve(BackupManifest.KEY_DIRECTORY);
        if (!Files.isDirectory(keys)) {
            return;
        }
        Files.createDirectories(keyDir);
        BackupFiles.ownerOnly(keyDir);
        for (String name : List.of(AuditKeys.PRIVATE_FILE, AuditKeys.PUBLIC_FILE)) {
            Path key = keys.resolve(name);
            if (Files.isRegularFile(key)) {
                Files.copy(key, keyDir.resolve(name));
                BackupFiles.ownerOnly(keyDir.resolve(name));
            }
        }
    }

    private static boolean hasFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.findAny().isPresent();
        }
    }

    static String usage() {
        return """
                Usage: java -jar coalition-ledger.jar restore --from DIR [--data-dir ./data]
                           [--database jdbc:postgresql://host:5432/new_ledger] [--pg-restore /path/to/pg_restore]
                  The data directory (LEDGER_DATA_DIR) must hold no ledger; on PostgreSQL the database must be empty
                  (LEDGER_DB_URL or --database, LEDGER_DB_USER, LEDGER_DB_PASSWORD).""";
    }
}
