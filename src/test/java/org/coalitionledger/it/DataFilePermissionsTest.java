package org.coalitionledger.it;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The data directory is private to the user running the ledger (rwx------), its database and key files rw-------:
 * on a fresh start, and again on a restart after someone loosened them (and after H2 created files while it ran).
 */
class DataFilePermissionsTest {

    @Test
    void dataDirectoryDatabaseAndKeyFilesArePrivateAfterStartAndRestart() throws Exception {
        Path parent = Path.of(LedgerHttpTestSupport.freshDataDir());
        assumeTrue(Files.getFileStore(parent).supportsFileAttributeView("posix"), "a POSIX file system");
        Path dataDir = parent.resolve("data");
        try (RunningLedger ledger = RunningLedger.start(dataDir)) {
            assertThat(ledger.get("/api/coalitions").statusCode()).isEqualTo(200);
            assertPrivate(dataDir);
        }
        // H2 may create files (its trace file) while it runs or closes, with the process's umask, inside the private
        // directory; the next start tightens them, and whatever was loosened by hand

        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        for (Path file : ledgerFiles(dataDir)) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
        try (RunningLedger ledger = RunningLedger.start(dataDir)) {
            assertThat(ledger.get("/api/coalitions").statusCode()).isEqualTo(200);
            assertPrivate(dataDir);
        }
    }

    private static void assertPrivate(Path dataDir) throws Exception {
        assertThat(mode(dataDir)).isEqualTo("rwx------");
        assertThat(mode(dataDir.resolve("audit"))).isEqualTo("rwx------");
        List<Path> files = ledgerFiles(dataDir);
        assertThat(files).extracting(file -> file.getFileName().toString())
                .contains("checkpoint-key.pem", "checkpoint-key.pub.pem");
        if (!TestDatabase.postgres()) {
            assertThat(files).extracting(file -> file.getFileName().toString()).contains("ledger.mv.db");
        }
        for (Path file : files) {
            assertThat(mode(file)).as(file.toString()).isEqualTo("rw-------");
        }
    }

    /** The database's and the keys' files. */
    private static List<Path> ledgerFiles(Path dataDir) throws Exception {
        List<Path> files = new ArrayList<>();
        for (Path dir : List.of(dataDir, dataDir.resolve("audit"))) {
            try (Stream<Path> listed = Files.list(dir)) {
                listed.filter(Files::isRegularFile).forEach(files::add);
            }
        }
        return files;
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
