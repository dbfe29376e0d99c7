package org.coalitionledger.backup;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.coalitionledger.audit.AuditKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Writes a consistent copy of the running ledger as a zip: on H2 the database file as H2's online backup made it
 * ({@code BACKUP TO}, which copies the file as of one moment while writes go on), the checkpoint key pair, and
 * {@link BackupManifest#FILE} last, naming every file with its SHA-256. On PostgreSQL the database is copied by
 * {@code pg_dump} ({@link BackupCommand}); the zip then holds the key pair and the manifest.
 */
@Component
class LedgerBackup {

    private static final Logger log = LoggerFactory.getLogger(LedgerBackup.class);

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Path dataDir;
    private final Path keyDir;
    private final Clock clock;

    LedgerBackup(DataSource dataSource, JdbcTemplate jdbc, ObjectMapper json,
                 @Value("${ledger.data-dir}") Path dataDir, @Value("${ledger.audit.key-dir}") Path keyDir) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.json = json;
        this.dataDir = dataDir;
        this.keyDir = keyDir;
        this.clock = Clock.systemUTC();
    }

    /** Writes the backup zip to {@code out} (not closed). */
    void write(OutputStream out) throws IOException {
        String database = database();
        Map<String, String> files = new TreeMap<>();
        ZipOutputStream zip = new ZipOutputStream(out);
        var created = clock.instant();
        long events;
        long treeSize;
        String rootHash;
        if (database.equals("h2")) {
            Path copy = Files.createTempFile(dataDir, "backup-", ".zip");
            try {
                Files.delete(copy); // H2 writes the file itself
                String file = copy.toAbsolutePath().toString().replace("'", "''");
                try (Connection connection = dataSource.getConnection();
                     java.sql.Statement backup = connection.createStatement()) {
                    // one moment for the counts and the copy: BACKUP TO copies the committed state as of its start
                    events = count(connection, "select count(*) from domain_event_entry");
                    treeSize = treeSize();
                    rootHash = rootHash(treeSize);
                    backup.execute("BACKUP TO '" + file + "'");
                }
                try (ZipInputStream h2 = new ZipInputStream(Files.newInputStream(copy))) {
                    for (ZipEntry entry = h2.getNextEntry(); entry != null; entry = h2.getNextEntry()) {
                        String name = BackupManifest.H2_DIRECTORY + "/" + Path.of(entry.getName()).getFileName();
                        files.put(name, add(zip, name, h2));
                    }
                }
            } catch (SQLException e) {
                throw new IOException("H2's backup failed: " + e.getMessage(), e);
            } finally {
                Files.deleteIfExists(copy);
            }
        } else {
            events = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
            treeSize = treeSize();
            rootHash = rootHash(treeSize);
        }
        for (Path key : keys()) {
            String name = BackupManifest.KEY_DIRECTORY + "/" + key.getFileName();
            try (InputStream in = Files.newInputStream(key)) {
                files.put(name, add(zip, name, in));
            }
        }
        BackupManifest manifest = new BackupManifest(BackupManifest.FORMAT, database, created, events, treeSize,
                                                     rootHash, files);
        zip.putNextEntry(new ZipEntry(BackupManifest.FILE));
        zip.write(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
        zip.closeEntry();
        zip.finish();
        log.info("Backup made: {} events, {} files, audit tree size {}", events, files.size(), treeSize);
    }

    /** {@code h2} or {@code postgresql}, as the database names itself. */
    String database() {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT);
            return product.contains("h2") ? "h2" : "postgresql";
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database's name: " + e.getMessage(), e);
        }
    }

    private List<Path> keys() {
        if (!Files.isDirectory(keyDir)) {
            return List.of();
        }
        return Stream.of(AuditKeys.PRIVATE_FILE, AuditKeys.PUBLIC_FILE).map(keyDir::resolve)
                .filter(Files::isRegularFile).toList();
    }

    private long treeSize() {
        Long size = jdbc.queryForObject("select max(tree_size) from audit_checkpoint", Long.class);
        return size == null ? 0 : size;
    }

    private String rootHash(long treeSize) {
        if (treeSize == 0) {
            return null;
        }
        byte[] root = jdbc.queryForObject("select root_hash from audit_checkpoint where tree_size = ?", byte[].class,
                                          treeSize);
        return HexFormat.of().formatHex(root);
    }

    private static long count(Connection connection, String query) throws SQLException {
        try (var statement = connection.createStatement(); var rows = statement.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Adds one entry, copying {@code in} to its end; returns the SHA-256 of what was written (hex). */
    private static String add(ZipOutputStream zip, String name, InputStream in) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        MessageDigest sha256 = sha256();
        OutputStream digesting = new DigestOutputStream(new NonClosing(zip), sha256);
        in.transferTo(digesting);
        zip.closeEntry();
        return HexFormat.of().formatHex(sha256.digest());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Passes writes through and ignores close, so that closing a wrapper leaves the zip open. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() {
            // the zip stays open for the next entry
        }
    }
}
