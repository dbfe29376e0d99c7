package org.coalitionledger.copy;

import org.flywaydb.core.Flyway;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies the event store of an H2 ledger into an empty PostgreSQL database:
 * <pre>
 * LEDGER_DB_PASSWORD=… java -jar coalition-ledger.jar copy-to-postgres --from ./data \
 *     --to jdbc:postgresql://db.example.org:5432/ledger --user ledger
 * </pre>
 * Both schemas are brought to the current Flyway version first. The tables in {@link #TABLES} are copied row for
 * row, every column unchanged (global index, event ids, aggregate sequence numbers, timestamps, payloads and
 * metadata), in one transaction, so a failed copy leaves the target empty. The global index sequence then continues
 * after the highest copied index. Projections and tracking tokens are not copied: on its first start on PostgreSQL
 * the application rebuilds every projection from the events. The copy refuses a target that already holds any of
 * these tables' rows. The application must not be running on the H2 file meanwhile.
 */
public final class CopyToPostgres {

    public static final String COMMAND = "copy-to-postgres";

    /**
     * What the copy carries over, in this order: the event store, the command side's own tables, and the audit's
     * Merkle tree and signed checkpoints, so that verify passes on the copy with the same tree head (given the same
     * checkpoint key pair: copy {@code <data-dir>/audit/} to the new nodes), and the stored evidence files, whose
     * bytes are no events (the events cite them by hash), and the users with their API tokens (their password and token
     * hashes are in no event). Everything else derives from these.
     */
    static final List<String> TABLES = List.of("domain_event_entry", "snapshot_event_entry", "record_index",
                                               "audit_leaf", "audit_checkpoint", "evidence", "ledger_user",
                                               "api_token");

    /** The H2 file's credentials, as in application.yml. */
    private static final String H2_USER = "ledger";
    private static final String H2_PASSWORD = "";
    private static final int BATCH = 1_000;

    private final PrintStream out;

    private CopyToPostgres(PrintStream out) {
        this.out = out;
    }

    /** Runs the command; returns the process exit code (0 done, 1 refused or failed, 2 usage). */
    public static int run(String[] args, Map<String, String> environment, PrintStream out) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (!List.of("--from", "--to", "--user").contains(name) || i + 1 >= args.length) {
                out.println("Unknown or incomplete option '" + name + "'.");
                out.println(usage());
                return 2;
            }
            options.put(name, args[++i]);
        }
        String from = options.getOrDefault("--from", "./data");
        String to = options.getOrDefault("--to", environment.get("LEDGER_DB_URL"));
        String user = options.getOrDefault("--user", environment.getOrDefault("LEDGER_DB_USER", "ledger"));
        String password = environment.getOrDefault("LEDGER_DB_PASSWORD", "");
        if (to == null || !to.startsWith("jdbc:postgresql:")) {
            out.println("--to must be a PostgreSQL JDBC URL (jdbc:postgresql://host:5432/db), or set LEDGER_DB_URL.");
            out.println(usage());
            return 2;
        }
        Path h2File = Path.of(from).resolve("ledger.mv.db");
        if (!Files.isRegularFile(h2File)) {
            out.println("No H2 ledger at " + h2File.toAbsolutePath() + " (--from names the data directory).");
            return 1;
        }
        String h2Url = "jdbc:h2:file:" + Path.of(from).toAbsolutePath().resolve("ledger") + ";IFEXISTS=TRUE";
        try {
            return new CopyToPostgres(out).copy(h2Url, to, user, password);
        } catch (SQLException | RuntimeException e) {
            if (h2InUse(e)) {
                out.println("The H2 ledger in " + Path.of(from).toAbsolutePath() + " is in use: stop the application"
                                    + " first. Nothing was written to the target.");
            } else {
                out.println("Copy failed, nothing was written to the target: " + e.getMessage());
            }
            return 1;
        }
    }

    /** H2's "database may be already in use" (error 90020): the application still holds the file. */
    private static boolean h2InUse(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && "90020".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    static String usage() {
        return "Usage: java -jar coalition-ledger.jar " + COMMAND + " [--from DATA_DIR] --to JDBC_URL [--user USER]\n"
                + "  --from  the H2 data directory (default ./data); the application must not be running on it\n"
                + "  --to    an empty PostgreSQL database, e.g. jdbc:postgresql://localhost:5432/ledger"
                + " (default $LEDGER_DB_URL)\n"
                + "  --user  its user (default $LEDGER_DB_USER, else ledger); the password is read from"
                + " $LEDGER_DB_PASSWORD";
    }

    private int copy(String h2Url, String pgUrl, String user, String password) throws SQLException {
        migrate(h2Url, H2_USER, H2_PASSWORD, "h2");
        migrate(pgUrl, user, password, "postgresql");
        try (Connection source = DriverManager.getConnection(h2Url, H2_USER, H2_PASSWORD);
             Connection target = DriverManager.getConnection(pgUrl, user, password)) {
            for (String table : TABLES) {
                long present = count(target, table);
                if (present > 0) {
                    out.println("Refused: the target already holds " + present + " rows in " + table
                                        + "; copy only into an empty database. Nothing was written.");
                    return 1;
                }
            }
            source.setReadOnly(true);
            source.setAutoCommit(false);
            source.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            target.setAutoCommit(false);
            try {
                Map<String, Long> copied = new LinkedHashMap<>();
                for (String table : TABLES) {
                    copied.put(table, copyTable(source, target, table));
                }
                for (String table : TABLES) {
                    continueSequences(target, table);
                }
                target.commit();
                copied.forEach((table, rows) -> out.println("Copied " + rows + " rows of " + table));
                out.println("Done. Start the application with the postgres profile on " + pgUrl
                                    + "; it rebuilds the projections from the events on its first start.");
                return 0;
            } catch (SQLException | RuntimeException e) {
                target.rollback();
                throw e;
            } finally {
                source.rollback();
            }
        }
    }

    private static void migrate(String url, String user, String password, String vendor) {
        Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration/" + vendor).load()
                .migrate();
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select count(*) from " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private long copyTable(Connection source, Connection target, String table) throws SQLException {
        long rows = 0;
        try (Statement select = source.createStatement()) {
            select.setFetchSize(BATCH);
            try (ResultSet from = select.executeQuery("select * from " + table)) {
                ResultSetMetaData meta = from.getMetaData();
                List<String> columns = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    columns.add(meta.getColumnName(i).toLowerCase(java.util.Locale.ROOT));
                }
                String insert = "insert into " + table + " (" + String.join(", ", columns) + ") values ("
                        + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
                try (PreparedStatement to = target.prepareStatement(insert)) {
                    while (from.next()) {
                        for (int i = 1; i <= columns.size(); i++) {
                            if (isBinary(meta.getColumnType(i))) {
                                to.setBytes(i, from.getBytes(i));
                            } else {
                                to.setObject(i, from.getObject(i));
                            }
                        }
                        to.addBatch();
                        if (++rows % BATCH == 0) {
                            to.executeBatch();
                        }
                        if (rows % 100_000 == 0) {
                            out.println("  " + table + ": " + rows + " rows");
                        }
                    }
                    to.executeBatch();
                }
            }
        }
        return rows;
    }

    private static boolean isBinary(int type) {
        return type == Types.BLOB || type == Types.BINARY || type == Types.VARBINARY || type == Types.LONGVARBINARY;
    }

    /** Every serial or identity column continues after the highest copied value (the global index, mainly). */
    private static void continueSequences(Connection target, String table) throws SQLException {
        List<String> sequences = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        try (PreparedStatement serials = target.prepareStatement(
                "select column_name, pg_get_serial_sequence(?, column_name) from information_schema.columns"
                        + " where table_schema = current_schema() and table_name = ?")) {
            serials.setString(1, table);
            serials.setString(2, table);
            try (ResultSet rows = serials.executeQuery()) {
                while (rows.next()) {
                    if (rows.getString(2) != null) {
                        columns.add(rows.getString(1));
                        sequences.add(rows.getString(2));
                    }
                }
            }
        }
        for (int i = 0; i < sequences.size(); i++) {
            try (PreparedStatement reset = target.prepareStatement(
                    "select setval(?, coalesce((select max(" + columns.get(i) + ") from " + table + "), 0) + 1,"
                            + " false)")) {
                reset.setString(1, sequences.get(i));
                reset.executeQuery().close();
            }
        }
    }
}
