package org.coalitionledger.bench;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A tiny run of the benchmark inside the test suite, so that it cannot rot. Figures are not checked. */
class LedgerBenchmarkSmokeTest {

    @Test
    void benchmarkRunsOnATinyLedger() {
        List<String> lines = new ArrayList<>();
        LedgerBenchmark.run(new int[]{2_000}, 50, lines::add);
        lines.forEach(System.out::println);
        assertThat(lines).extracting(line -> line.split(" ")[1])
                .containsExactly("generate_2000", "projection_catchup_2000", "asof_p50_2000", "asof_p99_2000",
                                 "replay_2000", "seal_2000", "verify_first", "verify", "verify_baseline", "verify");
        assertThat(lines.subList(0, lines.size() - 1))
                .allMatch(line -> line.matches("BENCH \\S+ h2 \\d+\\.\\d{3} \\S+"));
        assertThat(lines.get(lines.size() - 1)).matches("RATIO verify h2 \\d+\\.\\d{3}");
    }
}
