package org.coalitionledger.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/** A ledger whose H2 file cannot be read refuses to start, naming the file and the way back. */
class DamagedStoreTest {

    @Test
    void aDamagedDatabaseFileStopsTheStartNamingTheFileAndTheRecovery(@TempDir Path dir) throws Exception {
        assumeFalse(TestDatabase.postgres(), "the embedded H2 file only");
        Path data = dir.resolve("data");
        List<String> arguments = TestDatabase.arguments(data);
        try (LedgerProcess first = LedgerProcess.start(Map.of(), arguments, dir.resolve("first.log"),
                                                       Duration.ofSeconds(180))) {
            assertThat(first.client().postJson("/api/coalitions", """
                    {"coalition":"damaged","name":"D","effectiveDate":"2020","source":{"title":"t"}}""")
                               .statusCode()).isEqualTo(201);
        }
        Path file = data.resolve("ledger.mv.db");
        try (RandomAccessFile damage = new RandomAccessFile(file.toFile(), "rw")) {
            // both file headers (the first two 4 KiB blocks) and the chunks behind them
            damage.seek(0);
            damage.write(new byte[(int) Math.min(damage.length(), 64 * 1024)]);
        }

        assertThatThrownBy(() -> LedgerProcess.start(Map.of(), arguments, dir.resolve("second.log"),
                                                     Duration.ofSeconds(180)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the node exited")
                .hasMessageContaining("The ledger's database file " + file.toAbsolutePath())
                .hasMessageContaining("is damaged")
                .hasMessageContaining("org.h2.tools.Recover");
    }
}
