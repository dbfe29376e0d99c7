package org.coalitionledger.bench;

import org.coalitionledger.LedgerApplication;
import org.coalitionledger.recording.ProjectionBarrier;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the benchmark's list ledger (step 7 of {@link LedgerBenchmark}) into an H2 data directory and leaves it
 * there, so that the list's statement can be profiled on it with H2's shell (docs/performance.md, "The list of
 * coalitions"). Arguments: the data directory, and the number of coalitions (10,000).
 */
public final class ListLedger {

    private ListLedger() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]).toAbsolutePath();
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        if (Files.exists(dataDir.resolve("ledger.mv.db"))) {
            throw new IllegalArgumentException(dataDir + " already holds a ledger");
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(LedgerApplication.class)
                .web(WebApplicationType.NONE)
                .run("--ledger.data-dir=" + dataDir, "--ledger.read-your-writes-timeout=PT2H",
                     "--logging.level.org.axonframework=warn", "--ledger.audit.seal-interval=PT24H")) {
            LedgerBenchmark.writeListLedger(context, count);
            if (!context.getBean(ProjectionBarrier.class).awaitProjections()) {
                throw new IllegalStateException("projections did not catch up");
            }
        }
    }
}
