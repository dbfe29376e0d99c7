package org.coalitionledger.bench;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A tiny run of the benchmark inside the test suite, so that it cannot rot. Figures are not checked. */
class LedgerBenchmarkSmokeTest {

    @Test
    void benchmarkRunsOnTinyLedgers() {
        List<String> lines = new ArrayList<>();
        LedgerBenchmark.run(new LedgerBenchmark.Settings(List.of("h2"), new int[]{500, 1_000}, 20, 20, 50, 30),
                            lines::add);
        lines.forEach(System.out::println);
        List<String> figures = lines.stream().filter(line -> line.startsWith("BENCH ")).toList();
        for (int size : new int[]{500, 1_000}) {
            for (String name : List.of("generate", "projection_catchup", "asof_p50", "asof_p99", "replay", "seal",
                                       "verify", "verify_baseline", "rebuild", "rebuild_baseline", "append_1",
                                       "append_8", "append_1_alone", "append_8_alone", "raw_insert_1", "raw_insert_8",
                                       "import", "import_visible", "raw_batch_insert")) {
                assertThat(figures).as(name + "_" + size).anyMatch(line -> line.startsWith(
                        "BENCH " + name + "_" + size + " h2 "));
            }
        }
        for (String name : List.of("list_p50_30", "list_p99_30")) {
            assertThat(figures).as(name).anyMatch(line -> line.startsWith("BENCH " + name + " h2 "));
        }
        assertThat(figures).allMatch(line -> line.matches("BENCH \\S+ h2 \\d+\\.\\d{3} \\S+"));
        assertThat(lines.stream().filter(line -> line.startsWith("RATIO ")).map(line -> line.split(" ")[1]))
                .containsExactly("append_1", "append_8", "import", "rebuild", "verify", "append_8_vs_1",
                                 "import_visible", "growth");
        assertThat(lines).filteredOn(line -> line.startsWith("RATIO "))
                .allMatch(line -> line.matches("RATIO \\S+ h2 \\d+\\.\\d{3}"));
        assertThat(Path.of("target", "bench", "throughput-h2.svg")).exists();
    }
}
