package org.coalitionledger.bench.startup;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One round of the start-up benchmark inside the test suite, without the first starts, so that the bare application
 * and the driver cannot rot: both start from this JVM's class path and answer their health check. Times not checked.
 */
class StartupBenchmarkSmokeTest {

    @Test
    void startsTheLedgerAndTheBareApplicationAndPrintsTheRatio() throws Exception {
        List<String> lines = new ArrayList<>();
        // C1 only and the serial collector for both, as for the other nodes tests start: about half the time
        StartupBenchmark.run(new StartupBenchmark.Settings(1, false, List.of("-XX:TieredStopAtLevel=1",
                                                                             "-XX:+UseSerialGC"),
                                                           StartupBenchmark.libraries(), Map.of(), Map.of()),
                             lines::add);
        lines.forEach(System.out::println);
        for (String contender : List.of("ledger", "bare")) {
            assertThat(lines).anyMatch(line -> line.matches("BENCH startup_" + contender + "_1 h2 \\d+ ms"));
            assertThat(lines).anyMatch(line -> line.matches("BENCH startup_" + contender + " h2 \\d+\\.\\d{3} ms"));
            assertThat(lines).anyMatch(line -> line.matches("BENCH startup_cpu_" + contender + " h2 \\d+\\.\\d{3} ms"));
        }
        assertThat(lines).filteredOn(line -> line.startsWith("RATIO "))
                .extracting(line -> line.replaceAll(" \\d+\\.\\d{3}$", ""))
                .containsExactly("RATIO startup h2", "RATIO startup_cpu h2");
    }
}
