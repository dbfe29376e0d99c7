package org.coalitionledger.it;

import org.awaitility.core.ConditionTimeoutException;
import org.coalitionledger.LedgerApplication;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;

/**
 * The application as a separate operating-system process ({@code java -cp <test class path> LedgerApplication}),
 * as a node runs in production, so that it can be killed with SIGKILL. Its output goes to a log file.
 */
final class LedgerProcess implements AutoCloseable {

    private static final Pattern STARTED = Pattern.compile("Tomcat started on port (\\d+)");

    private final Process process;
    private final Path log;
    private final LedgerClient client;
    private final int port;

    private LedgerProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.client = new LedgerClient(port);
    }

    /** Starts a node with these environment variables and arguments and waits until it listens. */
    static LedgerProcess start(Map<String, String> environment, List<String> arguments, Path log,
                               Duration timeout) throws IOException, InterruptedException {
        // C1 only and the serial collector: on two cores a node starts in about half the time, and these tests
        // check what survives a kill or a restart, not how fast the node runs
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), LedgerApplication.class.getName(),
                "--server.port=0"));
        command.addAll(arguments);
        command.addAll(TestUsers.asArguments());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        try {
            int port = await("the node starts").atMost(timeout).pollInterval(Duration.ofMillis(100)).until(() -> {
                Matcher started = STARTED.matcher(read(log));
                if (started.find()) {
                    return Integer.parseInt(started.group(1));
                }
                if (!process.isAlive()) {
                    throw new IllegalStateException("the node exited with " + process.exitValue() + ":\n"
                                                            + read(log));
                }
                return null;
            }, Objects::nonNull);
            return new LedgerProcess(process, log, port);
        } catch (ConditionTimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("the node did not start within " + timeout + ":\n" + read(log));
        }
    }

    LedgerClient client() {
        return client;
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    String log() {
        return read(log);
    }

    /**
     * SIGTERM, as an operator or a service manager stops a node: the process closes down in order. True when it
     * has exited within the timeout (it is left running otherwise, for {@link #close} to kill).
     */
    boolean terminate(Duration timeout) throws InterruptedException {
        process.destroy();
        return process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** SIGKILL: the process ends at once, without closing anything. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
