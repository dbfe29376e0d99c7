package org.coalitionledger.it;

import org.coalitionledger.ui.PageSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthContributorRegistry;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A full disk, for real: the data directory is a 64 MB tmpfs of its own (mounted by the test, which runs as root as
 * CI does; on H2 the database file lives there), {@code ledger.storage.min-free} is 16 MB, and a filler file takes
 * the space. Writes are then refused with 507 and a problem detail, nothing is written, readiness is DOWN; once the
 * filler is gone, readiness is UP and writes are taken again, without a restart. Runs on H2 and on PostgreSQL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DiskFullTest extends LedgerHttpTestSupport {

    private static final long MB = 1024 * 1024;
    private static Path mount;
    private static QuietLoggers quiet;

    @DynamicPropertySource
    static void smallDisk(DynamicPropertyRegistry registry) throws IOException, InterruptedException {
        mount = Files.createTempDirectory("ledger-small-disk");
        run("mount", "-t", "tmpfs", "-o", "size=64m,mode=0700", "tmpfs", mount.toString());
        Path dataDir = mount.resolve("data");
        TestDatabase.registerFresh(registry, () -> dataDir.toString());
        registry.add("ledger.storage.min-free", () -> "16MB");
    }

    @AfterAll
    static void unmount() throws IOException, InterruptedException {
        if (quiet != null) {
            quiet.close();
        }
        // lazily: the application still has its files open until the context is closed after this class
        run("umount", "-l", mount.toString());
    }

    @BeforeEach
    void quiet() {
        // after the application has started: its start sets the configured levels again
        quiet = QuietLoggers.of("org.coalitionledger.web.ApiExceptionHandler", "org.coalitionledger.ui.PageErrors");
    }

    @Autowired
    private HealthContributorRegistry health;

    @LocalServerPort
    private int port;

    @Test
    void writesAreRefusedWith507WhileTheDiskIsFullAndTakenAgainOnceSpaceReturns() throws IOException {
        assertThat(post("/api/coalitions", formation("before-full")).status()).isEqualTo(201);
        Path filler = mount.resolve("filler");
        fill(filler, Files.getFileStore(mount).getUsableSpace() - 8 * MB);
        try {
            long events = storedEvents();
            Response refused = post("/api/coalitions", formation("while-full"));
            assertThat(refused.status()).isEqualTo(507);
            assertThat(refused.json().get("field").asText()).isEqualTo("storage");
            assertThat(refused.json().get("detail").asText()).contains("ledger.storage.min-free");
            Response importRefused = postLines("/api/import", example("full-import"));
            assertThat(importRefused.status()).isEqualTo(507);
            assertThat(storedEvents()).isEqualTo(events);
            assertThat(get("/api/coalitions/while-full").status()).isEqualTo(404);

            Response readiness = get("/actuator/health/readiness");
            assertThat(readiness.status()).isEqualTo(503);
            assertThat(readiness.json().get("status").asText()).isEqualTo("DOWN");
            assertThat(((HealthIndicator) health.getContributor("storage")).health().getStatus()).as("which check")
                    .isEqualTo(Status.DOWN);
            assertThat(get("/api/coalitions/before-full").status()).as("reads go on").isEqualTo(200);

            PageSession recorder = PageSession.of(TestUsers.RECORDER, port);
            HttpResponse<String> form = recorder.post("/record/coalition", recorder.token("/record/coalition"),
                    Map.of("coalition", "form-while-full", "name", "Form", "effectiveDate", "2024-01",
                           "sourceTitle", "Form test"));
            assertThat(form.statusCode()).as("a form, answered with a page").isEqualTo(507);
            assertThat(form.body()).contains("ledger.storage.min-free");
            assertThat(storedEvents()).isEqualTo(events);
        } finally {
            Files.delete(filler);
        }
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(get("/actuator/health/readiness").status()).isEqualTo(200));
        assertThat(post("/api/coalitions", formation("after-full")).status()).isEqualTo(201);
        assertThat(postLines("/api/import", example("after-full-import")).status()).isBetween(200, 201);
        assertThat(get("/api/coalitions/after-full").status()).isEqualTo(200);
    }

    private static String formation(String id) {
        return "{\"coalition\":\"" + id + "\",\"name\":\"Disk " + id + "\",\"effectiveDate\":\"2024-01\","
                + "\"source\":" + SOURCE + "}";
    }

    /** Writes {@code bytes} of data (not a sparse file: tmpfs would not count its holes). */
    private static void fill(Path file, long bytes) throws IOException {
        byte[] block = new byte[(int) MB];
        java.util.Arrays.fill(block, (byte) 1);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < bytes; written += block.length) {
                out.write(block, 0, (int) Math.min(block.length, bytes - written));
            }
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new UncheckedIOException(new IOException(String.join(" ", command) + " failed (the test needs root"
                    + " to mount a tmpfs, as CI has): " + new String(process.getInputStream().readAllBytes())));
        }
    }
}
