package org.coalitionledger.bench.startup;

import baseline.startup.BareApplication;
import org.coalitionledger.LedgerApplication;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Time to ready of the ledger against a bare Spring Boot application with the same starters
 * ({@link BareApplication}), each in a JVM of its own, started alternately on the same machine: from starting the
 * process to the first 200 on {@code /actuator/health}. Both run from a class path of the same libraries — the
 * ledger with its classes, the bare application with the test classes and without Axon and springdoc — on H2 in
 * file mode, each in a data directory of its own. A first start of each makes its database and is not counted; then
 * {@code runs} rounds start every contender once, in turn, the order reversed every other round.
 *
 * <p>Prints {@code BENCH startup_<contender>_<round> h2 <ms> ms} per start, each contender's median as
 * {@code BENCH startup_<contender> h2 <ms> ms}, and {@code RATIO startup h2 <ledger over bare>}; the same for the
 * CPU time the process had used when it answered ({@code startup_cpu_...}), which a busy machine disturbs less.
 * Further contenders, each with its ratios over the bare application ({@code RATIO startup_<name> h2 ...}): jars
 * of the ledger ({@code java -jar}; {@code -Dstartup.jars=<name>=<path>;...}) and the ledger with other arguments
 * ({@code -Dstartup.variants=<name>=<arguments separated by spaces>;...}). The libraries are
 * {@code -Dstartup.classpath} (the runtime class path, see docs/performance.md) or else this JVM's class path.
 */
public final class StartupBenchmark {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(5);
    private static final List<String> NOT_IN_BARE = List.of("axon-", "springdoc-", "swagger-");

    private StartupBenchmark() {
    }

    /**
     * How many rounds; whether a first start makes the databases; the libraries on both class paths; the ledger's
     * jars to time as well, by name; ledger variants by name, with their arguments.
     */
    /** {@code jvmOptions} go before every contender's own arguments alike ({@code -Dstartup.jvmOptions}). */
    public record Settings(int runs, boolean warmUp, List<String> jvmOptions, List<String> libraries,
                           Map<String, Path> jars, Map<String, List<String>> variants) {
    }

    public static void main(String[] args) throws Exception {
        String classPath = System.getProperty("startup.classpath");
        Map<String, Path> jars = new LinkedHashMap<>();
        named(System.getProperty("startup.jars", "")).forEach((name, jar) -> jars.put(name, Path.of(jar)));
        Map<String, List<String>> variants = new LinkedHashMap<>();
        named(System.getProperty("startup.variants", ""))
                .forEach((name, arguments) -> variants.put(name, List.of(arguments.split("\\s+"))));
        String jvmOptions = System.getProperty("startup.jvmOptions", "").trim();
        run(new Settings(Integer.getInteger("startup.runs", 5), true,
                         jvmOptions.isEmpty() ? List.of() : List.of(jvmOptions.split("\\s+")),
                         classPath == null ? libraries() : split(classPath), jars, variants),
            System.out::println);
    }

    public static void run(Settings settings, Consumer<String> out) throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("startup-bench");
        String ledgerClassPath = classPath(Stream.concat(Stream.of(codeSource(LedgerApplication.class)),
                                                          settings.libraries().stream()));
        String bareClassPath = classPath(Stream.concat(
                Stream.of(codeSource(BareApplication.class)),
                settings.libraries().stream().filter(StartupBenchmark::inBare)));
        List<Contender> contenders = new ArrayList<>();
        List<String> jvm = settings.jvmOptions();
        contenders.add(new Contender("ledger", work, Stream.concat(jvm.stream(), Stream.of(
                "-cp", ledgerClassPath, LedgerApplication.class.getName())).toList()));
        contenders.add(new Contender("bare", work, Stream.concat(jvm.stream(), Stream.of(
                "-cp", bareClassPath, BareApplication.class.getName(), work.resolve("bare").toString())).toList()));
        settings.jars().forEach((name, jar) -> contenders.add(new Contender(
                name, work, Stream.concat(jvm.stream(), Stream.of("-jar", jar.toAbsolutePath().toString())).toList())));
        settings.variants().forEach((name, arguments) -> contenders.add(new Contender(
                name, work, Stream.of(jvm.stream(), Stream.of("-cp", ledgerClassPath,
                                                               LedgerApplication.class.getName()), arguments.stream())
                        .flatMap(part -> part).toList())));
        if (settings.warmUp()) {
            for (Contender contender : contenders) {
                out.accept("# first start of " + contender.name + " (makes its database, not counted): "
                                   + contender.start() + " ms");
            }
        }
        for (int round = 1; round <= settings.runs(); round++) {
            List<Contender> order = new ArrayList<>(contenders);
            if (round % 2 == 0) {
                Collections.reverse(order);
            }
            for (Contender contender : order) {
                long millis = contender.start();
                contender.times.add(millis);
                contender.cpuTimes.add(contender.lastCpu);
                out.accept(String.format(Locale.ROOT, "BENCH startup_%s_%d h2 %d ms", contender.name, round, millis));
                out.accept(String.format(Locale.ROOT, "BENCH startup_cpu_%s_%d h2 %d ms", contender.name, round,
                                         contender.lastCpu));
            }
        }
        for (Contender contender : contenders) {
            out.accept(String.format(Locale.ROOT, "BENCH startup_%s h2 %.3f ms", contender.name,
                                     median(contender.times)));
            out.accept(String.format(Locale.ROOT, "BENCH startup_cpu_%s h2 %.3f ms", contender.name,
                                     median(contender.cpuTimes)));
        }
        double bare = median(contenders.get(1).times);
        double bareCpu = median(contenders.get(1).cpuTimes);
        for (Contender contender : contenders) {
            if (contender != contenders.get(1)) {
                String name = contender == contenders.get(0) ? "" : "_" + contender.name;
                out.accept(String.format(Locale.ROOT, "RATIO startup%s h2 %.3f", name,
                                         median(contender.times) / bare));
                out.accept(String.format(Locale.ROOT, "RATIO startup_cpu%s h2 %.3f", name,
                                         median(contender.cpuTimes) / bareCpu));
            }
        }
    }

    /** {@code name=value;name=value}, in order. */
    private static Map<String, String> named(String list) {
        Map<String, String> named = new LinkedHashMap<>();
        for (String item : list.split(";")) {
            if (!item.isBlank()) {
                String[] nameAndValue = item.split("=", 2);
                named.put(nameAndValue[0].strip(), nameAndValue[1].strip());
            }
        }
        return named;
    }

    /** This JVM's class path without the ledger's classes and the test classes. */
    static List<String> libraries() {
        List<String> own = List.of(codeSource(LedgerApplication.class), codeSource(BareApplication.class));
        return split(System.getProperty("java.class.path")).stream().filter(entry -> !own.contains(entry)).toList();
    }

    private static List<String> split(String classPath) {
        return Arrays.stream(classPath.split(File.pathSeparator)).filter(entry -> !entry.isBlank())
                .map(entry -> Path.of(entry).toAbsolutePath().toString()).toList();
    }

    private static boolean inBare(String library) {
        String name = Path.of(library).getFileName().toString();
        return NOT_IN_BARE.stream().noneMatch(name::startsWith);
    }

    private static String classPath(Stream<String> entries) {
        return String.join(File.pathSeparator, entries.toList());
    }

    private static String codeSource(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static double median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2.0;
    }

    /** One application to start: its name, its data directory and its java arguments (the port is added). */
    private static final class Contender {

        private final String name;
        private final Path data;
        private final List<String> arguments;
        private final List<Long> times = new ArrayList<>();
        private final List<Long> cpuTimes = new ArrayList<>();
        private long lastCpu;

        Contender(String name, Path work, List<String> arguments) {
            this.name = name;
            this.data = work.resolve(name);
            this.arguments = arguments;
        }

        /** Starts it, waits for the first 200 on /actuator/health, stops it; the milliseconds to that answer. */
        long start() throws IOException, InterruptedException {
            Files.createDirectories(data);
            int port = freePort();
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(arguments);
            command.add("--server.port=" + port);
            Path log = data.resolve("start.log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("LEDGER_DATA_DIR", data.toString());
            builder.environment().put("LEDGER_ADMIN_PASSWORD", "startup-benchmark");
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
            HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                    .timeout(Duration.ofSeconds(5)).build();
            long started = System.nanoTime();
            Process process = builder.start();
            try {
                while (!ready(client, health)) {
                    if (!process.isAlive() || System.nanoTime() - started > READY_TIMEOUT.toNanos()) {
                        throw new IllegalStateException(name + " did not get ready (exit "
                                + (process.isAlive() ? "none" : process.exitValue()) + "):\n" + Files.readString(log));
                    }
                    Thread.sleep(20);
                }
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                lastCpu = process.info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
                return millis;
            } finally {
                process.destroy();
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            }
        }

        private static boolean ready(HttpClient client, HttpRequest health) throws InterruptedException {
            try {
                return client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                return false; // not listening yet, or not answering yet
            }
        }

        private static int freePort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            }
        }
    }
}
