package org.coalitionledger.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

class SpoolFileTest {

    @TempDir
    Path directory;

    @Test
    void whatIsWrittenIsReadBackAndTheFileIsGoneWhenClosed() throws IOException {
        Path spoolDirectory = directory.resolve("import");
        Path path;
        try (SpoolFile spool = SpoolFile.create(spoolDirectory, "import-lines")) {
            path = spool.path();
            spool.out().writeUTF("line one");
            spool.out().writeLong(42);
            try (DataInputStream in = spool.in()) {
                assertThat(in.readUTF()).isEqualTo("line one");
                assertThat(in.readLong()).isEqualTo(42);
            }
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(spoolDirectory)))
                    .isEqualTo("rwx------");
        }
        assertThat(path).doesNotExist();
    }

    @Test
    void aStartDeletesTheSpoolFilesNoLiveImportHolds() throws IOException {
        Path abandoned = Files.writeString(directory.resolve("import-events-1.spool"), "left by a killed node");
        Path other = Files.writeString(directory.resolve("notes.txt"), "not a spool file");
        try (SpoolFile running = SpoolFile.create(directory, "import-lines")) {
            SpoolFile.deleteAbandoned(directory);
            assertThat(abandoned).doesNotExist();
            assertThat(running.path()).exists();
            assertThat(other).exists();
        }
    }

    @Test
    void aMissingDirectoryHasNothingToDelete() {
        SpoolFile.deleteAbandoned(directory.resolve("never-made"));
        assertThat(directory.resolve("never-made")).doesNotExist();
    }
}
