package org.coalitionledger.bench;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.coalitionledger.LedgerApplication;
import org.coalitionledger.audit.AuditSealer;
import org.coalitionledger.audit.AuditService;
import org.coalitionledger.audit.Verification;
import org.coalitionledger.coalition.event.CoalitionFormed;
import org.coalitionledger.coalition.event.CoalitionJoined;
import org.coalitionledger.coalition.event.CoalitionLeft;
import org.coalitionledger.coalition.event.LeadDesignated;
import org.coalitionledger.coalition.query.CoalitionPage;
import org.coalitionledger.coalition.query.FetchMembersQuery;
import org.coalitionledger.coalition.query.FindCoalitionPageQuery;
import org.coalitionledger.coalition.query.MembersResponse;
import org.coalitionledger.common.PartialDate;
import org.coalitionledger.common.Precision;
import org.coalitionledger.common.Source;
import org.coalitionledger.correction.event.RecordCorrected;
import org.coalitionledger.it.LedgerHttpTestSupport;
import org.coalitionledger.it.TestDatabase;
import org.coalitionledger.it.TestPostgres;
import org.coalitionledger.admin.RebuildService;
import org.coalitionledger.coalition.command.FormCoalition;
import org.coalitionledger.coalition.command.JoinCoalition;
import org.coalitionledger.coalition.command.LeaveCoalition;
import org.coalitionledger.transfer.ImportService;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.coalitionledger.recording.ProjectionBarrier;
import org.coalitionledger.replay.ReplayService;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Synthetic ledgers of a given size — about 200 parties in many coalitions, joins, lead designations and departures
 * at day, month and year precision, some recorded out of order, 3% corrected — written straight to the event store,
 * then measured: how fast the projections catch up, the as-of membership query latency (p50, p99), a replay of
 * every act to a date, sealing the events into the audit tree, and audit verify against a plain ordered read of the
 * event table. Prints one line per figure, {@code BENCH <name> <db> <value> <unit>}, and
 * {@code RATIO verify <db> <value>} (verify throughput over the plain read's).
 */
public final class LedgerBenchmark {

    private static final Source SOURCE = new Source("Synthetic ledger", null, "benchmark", null, null);
    private static final List<String> PARTIES = Arrays.stream(Locale.getISOCountries()).sorted().limit(200).toList();
    private static final int ACTS_PER_COALITION = 10_000;
    private static final int BATCH = 1_000;

    private LedgerBenchmark() {
    }

    /** What to run: databases, ledger sizes, and how much work each measurement does. */
    public record Settings(List<String> databases, int[] sizes, int queries, int appends, int importLines,
                           int listCoalitions) {

        static Settings fromSystemProperties() {
            return new Settings(List.of(System.getProperty("bench.dbs", "h2,postgresql").split(",")),
                                Arrays.stream(System.getProperty("bench.sizes", "10000,100000,1000000").split(","))
                                        .mapToInt(Integer::parseInt).toArray(),
                                Integer.getInteger("bench.queries", 2_000),
                                Integer.getInteger("bench.appends", 2_000),
                                Integer.getInteger("bench.importLines", 20_000),
                                Integer.getInteger("bench.listCoalitions", 10_000));
        }
    }

    /** The figures of one ledger size that the comparisons and the plot need. */
    private record Figures(int size, double append1, double raw1, double append8, double raw8, double imported,
                           double rawBatch, double rebuild, double loop, double verify, double read,
                           double importedVisible) {
    }

    /**
     * Runs the benchmark on each database and ledger size and reports every figure to {@code out}: one
     * {@code BENCH} line per figure, and per database the {@code RATIO} lines of the comparisons at the largest size
     * (growth: append throughput at the largest size over the smallest). Plots go to {@code target/bench}.
     */
    public static void run(Settings settings, Consumer<String> out) {
        for (String db : settings.databases()) {
            List<Figures> figures = new ArrayList<>();
            for (int size : settings.sizes()) {
                String dataDir = LedgerHttpTestSupport.freshDataDir();
                List<String> arguments = new ArrayList<>(List.of(
                        "--ledger.data-dir=" + dataDir,
                        "--ledger.read-your-writes-timeout=PT2H",
                        "--logging.level.org.axonframework=warn",
                        // sealing is measured on its own, after the projections have caught up
                        "--ledger.audit.seal-interval=PT24H"));
                String extra = System.getProperty("bench.extra", "").trim();
                if (!extra.isEmpty()) {
                    arguments.addAll(List.of(extra.split("\\s+")));
                }
                if (db.equals("postgresql")) {
                    arguments.addAll(TestDatabase.postgresArguments(TestPostgres.freshDatabase()));
                } else if (!db.equals("h2")) {
                    throw new IllegalArgumentException("bench.dbs: h2 or postgresql, not " + db);
                }
                try (ConfigurableApplicationContext context = new SpringApplicationBuilder(LedgerApplication.class)
                        .web(WebApplicationType.NONE).run(arguments.toArray(String[]::new))) {
                    figures.add(measure(context, db, size, settings, out));
                } catch (Exception e) {
                    throw new IllegalStateException("the benchmark failed on " + db + " at " + size + " acts", e);
                } finally {
                    // a ledger of a million acts takes gigabytes: one left behind per size soon fills the disk
                    deleteTree(Path.of(dataDir));
                }
            }
            measureList(db, settings, out);
            Figures last = figures.get(figures.size() - 1);
            out.accept(ratio("append_1", db, last.append1() / last.raw1()));
            out.accept(ratio("append_8", db, last.append8() / last.raw8()));
            out.accept(ratio("import", db, last.imported() / last.rawBatch()));
            out.accept(ratio("rebuild", db, last.rebuild() / last.loop()));
            out.accept(ratio("verify", db, last.verify() / last.read()));
            out.accept(ratio("append_8_vs_1", db, last.append8() / last.append1()));
            out.accept(ratio("import_visible", db, last.importedVisible() / last.rawBatch()));
            if (figures.size() > 1) {
                out.accept(ratio("growth", db, last.append1() / figures.get(0).append1()));
            }
            plot(db, figures);
        }
    }

    private static Figures measure(ConfigurableApplicationContext context, String db, int size, Settings settings,
                                   Consumer<String> out) throws Exception {
        EventStore events = context.getBean(EventStore.class);
        ProjectionBarrier projections = context.getBean(ProjectionBarrier.class);
        long started = System.nanoTime();
        List<String> coalitions = generate(events, size, new Random(size));
        out.accept(line("generate_" + size, db, size / seconds(started), "acts/s"));

        started = System.nanoTime();
        settle(projections);
        out.accept(line("projection_catchup_" + size, db, size / seconds(started), "acts/s"));

        measureQueries(context, db, size, settings.queries(), coalitions, out);

        long sealStarted = System.nanoTime();
        context.getBean(AuditSealer.class).seal(true);
        out.accept(line("seal_" + size, db, size / seconds(sealStarted), "events/s"));
        double[] verify = measureVerify(context, db, size, out);

        // projection rebuild against the plain loop: ordered read + Jackson + the same fold, in memory
        RawJdbc raw = new RawJdbc(context.getBean(DataSource.class));
        ObjectMapper json = ((JacksonSerializer) context.getBean(Serializer.class)).getObjectMapper();
        // two alternating rounds, the better of each (as for verify)
        double loop = 0;
        double rebuild = 0;
        for (int round = 0; round < 2; round++) {
            loop = Math.max(loop, raw.readDeserialiseFold(json));
            rebuild = Math.max(rebuild, rebuild(context, "membership"));
        }
        out.accept(line("rebuild_baseline_" + size, db, loop, "events/s"));
        out.accept(line("rebuild_" + size, db, rebuild, "events/s"));

        // appends through the aggregates with 1 and 8 clients against raw single-row autocommit inserts, and an
        // import against raw batched inserts: rounds that alternate each with its baseline, the best of each kept
        // (a 2-core virtual machine gives single rounds that differ by a factor of two)
        CommandGateway commands = context.getBean(CommandGateway.class);
        List<RawJdbc.Row> sample = raw.sample(1_000);
        raw.createTable();
        double append1 = 0;
        double raw1 = 0;
        double append8 = 0;
        double raw8 = 0;
        double[] imported = {0, 0};
        double rawBatch = 0;
        ImportService imports = context.getBean(ImportService.class);
        for (int round = 0; round < ROUNDS; round++) {
            append1 = Math.max(append1, appends(commands, settings.appends(), 1));
            settle(projections);
            raw1 = Math.max(raw1, raw.singleInserts(sample, settings.appends(), 1));
            append8 = Math.max(append8, appends(commands, settings.appends(), 8));
            settle(projections);
            raw8 = Math.max(raw8, raw.singleInserts(sample, settings.appends(), 8));
            double[] once = importLines(imports, projections, settings.importLines());
            imported[0] = Math.max(imported[0], once[0]);
            imported[1] = Math.max(imported[1], once[1]);
            rawBatch = Math.max(rawBatch, raw.batchedInserts(sample, settings.importLines()));
        }
        out.accept(line("append_1_" + size, db, append1, "commands/s"));
        out.accept(line("raw_insert_1_" + size, db, raw1, "rows/s"));
        out.accept(line("append_8_" + size, db, append8, "commands/s"));
        out.accept(line("raw_insert_8_" + size, db, raw8, "rows/s"));
        out.accept(line("import_" + size, db, imported[0], "lines/s"));
        out.accept(line("import_visible_" + size, db, imported[1], "lines/s"));
        out.accept(line("raw_batch_insert_" + size, db, rawBatch, "rows/s"));
        // the same appends with the projections stopped: what the command side costs on its own
        EventProcessingConfiguration processing = context.getBean(EventProcessingConfiguration.class);
        processing.eventProcessors().values().forEach(EventProcessor::shutDown);
        double alone1 = 0;
        double alone8 = 0;
        for (int round = 0; round < ROUNDS; round++) {
            alone1 = Math.max(alone1, appends(commands, settings.appends(), 1));
            alone8 = Math.max(alone8, appends(commands, settings.appends(), 8));
        }
        out.accept(line("append_1_alone_" + size, db, alone1, "commands/s"));
        out.accept(line("append_8_alone_" + size, db, alone8, "commands/s"));
        processing.eventProcessors().values().forEach(EventProcessor::start);
        raw.dropTable();
        settle(projections);
        return new Figures(size, append1, raw1, append8, raw8, imported[0], rawBatch, rebuild, loop, verify[0],
                           verify[1], imported[1]);
    }

    /** Coalitions on a page of the list, as {@code GET /api/coalitions} answers without {@code size}. */
    private static final int LIST_PAGE = 100;

    /**
     * The list of coalitions on a fresh ledger of {@code listCoalitions} coalitions (a formation, four joins and a
     * lead designation each): pages of {@value #LIST_PAGE} at random through the query gateway, as
     * {@code GET /api/coalitions} asks them, after a tenth as many of warm-up ({@code list_p50_N},
     * {@code list_p99_N}, N the number of coalitions).
     */
    private static void measureList(String db, Settings settings, Consumer<String> out) {
        int count = settings.listCoalitions();
        String dataDir = LedgerHttpTestSupport.freshDataDir();
        List<String> arguments = new ArrayList<>(List.of("--ledger.data-dir=" + dataDir,
                                                         "--ledger.read-your-writes-timeout=PT2H",
                                                         "--logging.level.org.axonframework=warn",
                                                         "--ledger.audit.seal-interval=PT24H"));
        if (db.equals("postgresql")) {
            arguments.addAll(TestDatabase.postgresArguments(TestPostgres.freshDatabase()));
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(LedgerApplication.class)
                .web(WebApplicationType.NONE).run(arguments.toArray(String[]::new))) {
            writeListLedger(context, count);
            settle(context.getBean(ProjectionBarrier.class));
            QueryGateway gateway = context.getBean(QueryGateway.class);
            int pages = Math.max(1, (count + LIST_PAGE - 1) / LIST_PAGE);
            int queries = settings.queries();
            long[] nanos = new long[queries];
            Random random = new Random(11);
            Instant now = Instant.now();
            for (int i = -queries / 10; i < queries; i++) {
                int page = 1 + random.nextInt(pages);
                long t = System.nanoTime();
                CoalitionPage answer = gateway.query(
                        new FindCoalitionPageQuery(LocalDate.of(2020, 1, 1), now, page, LIST_PAGE),
                        CoalitionPage.class).join();
                if (i >= 0) {
                    nanos[i] = System.nanoTime() - t;
                }
                if (answer.total() != count || answer.coalitions().isEmpty()
                        || answer.coalitions().get(0).memberCount() != 4) {
                    throw new IllegalStateException("the list answered " + answer.total() + " coalitions");
                }
            }
            Arrays.sort(nanos);
            out.accept(line("list_p50_" + count, db, nanos[queries / 2] / 1e6, "ms"));
            out.accept(line("list_p99_" + count, db, nanos[(int) (queries * 0.99)] / 1e6, "ms"));
        } finally {
            deleteTree(Path.of(dataDir));
        }
    }

    /**
     * Writes the list's ledger straight to the event store: {@code count} coalitions, each with a formation, four
     * joins and a lead designation (the caller waits for the projections).
     */
    static void writeListLedger(ConfigurableApplicationContext context, int count) {
        EventStore events = context.getBean(EventStore.class);
        MetaData metaData = MetaData.with("recordedBy", "benchmark").and("channel", "benchmark");
        List<GenericDomainEventMessage<?>> batch = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            String coalition = String.format(Locale.ROOT, "list-%06d", c);
            batch.add(message(coalition, 0, new CoalitionFormed(
                    UUID.randomUUID().toString(), coalition, "Listed " + c, "Benchmark", List.of("listing"),
                    PartialDate.parse("1999"), SOURCE, null), metaData));
            for (int p = 0; p < 4; p++) {
                batch.add(message(coalition, 1 + p, new CoalitionJoined(
                        UUID.randomUUID().toString(), coalition, PARTIES.get((c + p) % PARTIES.size()),
                        PartialDate.parse("2000-01-0" + (1 + p)), SOURCE, null), metaData));
            }
            batch.add(message(coalition, 5, new LeadDesignated(
                    UUID.randomUUID().toString(), coalition, PARTIES.get(c % PARTIES.size()),
                    PartialDate.parse("2000-02-01"), SOURCE, null), metaData));
            if (batch.size() >= BATCH) {
                events.publish(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            events.publish(batch);
        }
    }

    /** Rounds of each throughput measurement and its baseline, alternating; the best of each is reported. */
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);

    private static void settle(ProjectionBarrier projections) {
        if (!projections.awaitProjections()) {
            throw new IllegalStateException("projections did not catch up");
        }
    }

    private static void measureQueries(ConfigurableApplicationContext context, String db, int size, int queries,
                                       List<String> coalitions, Consumer<String> out) {
        QueryGateway gateway = context.getBean(QueryGateway.class);
        Random random = new Random(7);
        Instant now = Instant.now();
        long[] nanos = new long[queries];
        for (int i = -queries / 10; i < queries; i++) {
            String coalition = coalitions.get(random.nextInt(coalitions.size()));
            LocalDate asOf = LocalDate.of(2000, 1, 1).plusDays(random.nextInt(365 * 26));
            long t = System.nanoTime();
            MembersResponse answer = gateway.query(new FetchMembersQuery(coalition, asOf, now),
                                                   ResponseTypes.optionalInstanceOf(MembersResponse.class))
                    .join().orElseThrow();
            if (i >= 0) {
                nanos[i] = System.nanoTime() - t;
            }
            if (answer.members().size() > PARTIES.size()) {
                throw new IllegalStateException("impossible answer");
            }
        }
        Arrays.sort(nanos);
        out.accept(line("asof_p50_" + size, db, nanos[queries / 2] / 1e6, "ms"));
        out.accept(line("asof_p99_" + size, db, nanos[(int) (queries * 0.99)] / 1e6, "ms"));

        ReplayService replay = context.getBean(ReplayService.class);
        long started = System.nanoTime();
        int members = 0;
        for (String coalition : coalitions) {
            members += replay.members(coalition, LocalDate.of(2015, 6, 30), now).orElseThrow().members().size();
        }
        out.accept(line("replay_" + size, db, seconds(started), "s"));
        if (members < 0) {
            throw new IllegalStateException();
        }
    }

    /** Rebuilds one projection from every stored event; answers events per second. */
    private static double rebuild(ConfigurableApplicationContext context, String group) throws InterruptedException {
        RebuildService rebuilds = context.getBean(RebuildService.class);
        RebuildService.Progress progress = rebuilds.start(group);
        long started = System.nanoTime();
        while (rebuilds.running(group).isPresent()) {
            Thread.sleep(20);
        }
        return progress.total() / seconds(started);
    }

    /**
     * {@code count} commands through the command gateway from {@code clients} threads, each on a coalition of its
     * own formed first (not timed): joins and departures of the 200 parties in turn, a day apart; answers commands
     * per second. Each command loads its aggregate, checks the rules and appends one event in its own transaction.
     */
    private static double appends(CommandGateway commands, int count, int clients) throws Exception {
        MetaData metaData = MetaData.with("recordedBy", "benchmark").and("channel", "benchmark");
        List<String> coalitions = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            String coalition = "append-" + UUID.randomUUID().toString().substring(0, 8);
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(new FormCoalition(
                    coalition, "Appends", null, List.of(), "1900", SOURCE, null, UUID.randomUUID().toString()))
                                         .andMetaData(metaData));
            coalitions.add(coalition);
        }
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long started = System.nanoTime();
        List<Future<?>> work = new ArrayList<>();
        for (String coalition : coalitions) {
            work.add(pool.submit(() -> {
                int n = 0;
                while (next.getAndIncrement() < count) {
                    String party = PARTIES.get((n / 2) % PARTIES.size());
                    String date = LocalDate.of(1900, 1, 1).plusDays(n).toString();
                    String recordId = UUID.randomUUID().toString();
                    Object command = n % 2 == 0
                            ? new JoinCoalition(coalition, party, date, SOURCE, null, recordId)
                            : new LeaveCoalition(coalition, party, date, SOURCE, null, recordId);
                    commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
                    n++;
                }
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        return count / seconds(started);
    }

    /**
     * An import of {@code lines} JSON lines (a formation, then joins and departures), all or nothing in one unit of
     * work; answers lines per second until it has committed (as appends are timed: the projections then process
     * the events on their own threads), and until the projections show every line.
     */
    private static double[] importLines(ImportService imports, ProjectionBarrier projections, int lines)
            throws Exception {
        long started = System.nanoTime();
        ImportService.ImportResult result = imports.importLines(syntheticImport(lines), false,
                                                                "benchmark", false);
        double committed = lines / seconds(started);
        settle(projections);
        double visible = lines / seconds(started);
        if (!result.ok() || result.imported() != lines) {
            throw new IllegalStateException("the import failed: " + result.errors().stream().limit(3).toList());
        }
        return new double[]{committed, visible};
    }

    /** Lines of one synthetic coalition: its dates, a day apart from 1900, stay before 2000. */
    static final int IMPORT_BLOCK = 30_000;

    /**
     * {@code lines} import lines, made as they are read (so that the benchmark itself holds none of them): for every
     * {@link #IMPORT_BLOCK} lines a coalition formed in 1900, then joins and departures of the 200 parties in turn,
     * a day apart.
     */
    static java.io.InputStream syntheticImport(int lines) {
        String prefix = "import-" + UUID.randomUUID().toString().substring(0, 8);
        return new java.io.InputStream() {
            private int next;
            private byte[] line = new byte[0];
            private int at;

            @Override
            public int read() {
                return more() ? line[at++] & 0xff : -1;
            }

            @Override
            public int read(byte[] into, int offset, int length) {
                if (length == 0) {
                    return 0;
                }
                if (!more()) {
                    return -1;
                }
                int count = Math.min(length, line.length - at);
                System.arraycopy(line, at, into, offset, count);
                at += count;
                return count;
            }

            private boolean more() {
                if (at < line.length) {
                    return true;
                }
                if (next >= lines) {
                    return false;
                }
                line = syntheticLine(prefix, next++).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                at = 0;
                return true;
            }
        };
    }

    private static String syntheticLine(String prefix, int line) {
        String coalition = prefix + "-" + line / IMPORT_BLOCK;
        int n = line % IMPORT_BLOCK;
        if (n == 0) {
            return "{\"command\":\"FormCoalition\",\"coalition\":\"" + coalition
                    + "\",\"name\":\"Imported\",\"effectiveDate\":\"1900\",\"source\":{\"title\":\"Synthetic\"}}\n";
        }
        return "{\"command\":\"" + (n % 2 == 1 ? "JoinCoalition" : "LeaveCoalition") + "\",\"coalition\":\""
                + coalition + "\",\"party\":\"" + PARTIES.get(((n - 1) / 2) % PARTIES.size())
                + "\",\"effectiveDate\":\"" + LocalDate.of(1900, 1, 1).plusDays(n)
                + "\",\"source\":{\"title\":\"Synthetic\"}}\n";
    }

    private static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (java.io.IOException e) {
            System.err.println("could not delete " + root + ": " + e.getMessage());
        }
    }

    private static void plot(String db, List<Figures> figures) {
        ThroughputPlot plot = new ThroughputPlot();
        for (Figures f : figures) {
            plot.add("append, 1 client", f.size(), f.append1());
            plot.add("raw insert, 1 client", f.size(), f.raw1());
            plot.add("append, 8 clients", f.size(), f.append8());
            plot.add("raw insert, 8 clients", f.size(), f.raw8());
            plot.add("import", f.size(), f.imported());
            plot.add("raw batched insert", f.size(), f.rawBatch());
            plot.add("rebuild", f.size(), f.rebuild());
            plot.add("plain read + fold", f.size(), f.loop());
        }
        try {
            Path file = Path.of("target", "bench", "throughput-" + db + ".svg");
            Files.createDirectories(file.getParent());
            Files.writeString(file, plot.svg("Coalition Ledger throughput on " + db + " against ledger size"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String ratio(String name, String db, double value) {
        return String.format(Locale.ROOT, "RATIO %s %s %.3f", name, db, value);
    }

    /**
     * Audit verify against a plain ordered read of the same table, streaming every column, in the same run; two
     * rounds of each, alternating, and the better of each is reported (the first round also warms the cache, and
     * verify remembers the signatures it checked), with verify's first round on its own.
     */
    private static double[] measureVerify(ConfigurableApplicationContext context, String db, int size,
                                          Consumer<String> out) {
        DataSource dataSource = context.getBean(DataSource.class);
        AuditService audit = context.getBean(AuditService.class);
        double baseline = 0;
        double verify = 0;
        double first = 0;
        for (int round = 0; round < 2; round++) {
            long started = System.nanoTime();
            long read = orderedRead(dataSource);
            baseline = Math.max(baseline, read / seconds(started));
            started = System.nanoTime();
            Verification.Result result = audit.verify();
            double rate = (result.checkedRecords() + result.pending()) / seconds(started);
            first = round == 0 ? rate : first;
            verify = Math.max(verify, rate);
            if (!result.ok() || result.checkedRecords() + result.pending() != read) {
                throw new IllegalStateException("verify did not check every event: " + result);
            }
        }
        out.accept(line("verify_first_" + size, db, first, "events/s"));
        out.accept(line("verify_" + size, db, verify, "events/s"));
        out.accept(line("verify_baseline_" + size, db, baseline, "events/s"));
        return new double[]{verify, baseline};
    }

    /** select * from domain_event_entry order by global_index, streamed, every column read. */
    static long orderedRead(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            long rows = 0;
            long bytes = 0;
            try (PreparedStatement statement = connection.prepareStatement(
                    "select global_index, event_identifier, type, aggregate_identifier, sequence_number, time_stamp,"
                            + " payload_type, payload_revision, payload, meta_data from domain_event_entry"
                            + " order by global_index", ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                statement.setFetchSize(1_000);
                try (ResultSet row = statement.executeQuery()) {
                    while (row.next()) {
                        bytes += row.getLong(1) + row.getString(2).length() + String.valueOf(row.getString(3)).length()
                                + row.getString(4).length() + row.getLong(5) + row.getString(6).length()
                                + row.getString(7).length() + String.valueOf(row.getString(8)).length()
                                + row.getBytes(9).length;
                        byte[] metaData = row.getBytes(10);
                        bytes += metaData == null ? 0 : metaData.length;
                        rows++;
                    }
                }
            } finally {
                connection.rollback();
                connection.setReadOnly(false);
                connection.setAutoCommit(true);
            }
            if (bytes == Long.MIN_VALUE) {
                throw new IllegalStateException();
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("the ordered read failed", e);
        }
    }

    /** Writes {@code size} acts over as many coalitions as needed; answers the coalition ids. */
    static List<String> generate(EventStore events, int size, Random random) {
        List<String> coalitions = new ArrayList<>();
        List<GenericDomainEventMessage<?>> batch = new ArrayList<>();
        MetaData metaData = MetaData.with("recordedBy", "benchmark").and("channel", "benchmark");
        int written = 0;
        while (written < size) {
            String coalition = "bench-" + coalitions.size();
            coalitions.add(coalition);
            long sequence = 0;
            batch.add(message(coalition, sequence++, new CoalitionFormed(
                    UUID.randomUUID().toString(), coalition, "Benchmark " + coalitions.size(), null, List.of(),
                    PartialDate.parse("1999"), SOURCE, null), metaData));
            int acts = Math.min(ACTS_PER_COALITION, size - written);
            List<Object> pending = new ArrayList<>();
            LocalDate[] next = new LocalDate[PARTIES.size()];
            boolean[] member = new boolean[PARTIES.size()];
            List<String> recent = new ArrayList<>();
            for (int n = 0; n < acts; n++) {
                int p = random.nextInt(PARTIES.size());
                String party = PARTIES.get(p);
                LocalDate day = next[p] == null ? LocalDate.of(2000, 1, 1).plusDays(random.nextInt(2000))
                        : next[p].plusDays(1 + random.nextInt(400));
                PartialDate date = imprecise(day, random);
                next[p] = date.windowEnd();
                String recordId = UUID.randomUUID().toString();
                Object event;
                if (random.nextInt(100) < 3 && !recent.isEmpty()) {
                    String target = recent.get(random.nextInt(recent.size()));
                    event = new RecordCorrected(recordId, target, coalition, null, party, date, date, "benchmark",
                                                SOURCE);
                } else if (!member[p]) {
                    event = new CoalitionJoined(recordId, coalition, party, date, SOURCE, null);
                    member[p] = true;
                } else if (random.nextInt(4) == 0) {
                    event = new LeadDesignated(recordId, coalition, party, date, SOURCE, null);
                } else {
                    event = new CoalitionLeft(recordId, coalition, party, date, SOURCE, null);
                    member[p] = false;
                }
                recent.add(recordId);
                if (recent.size() > 50) {
                    recent.remove(0);
                }
                pending.add(event);
                // one act in ten is recorded after the next one: out of order on the effective timeline
                if (pending.size() == 2 || random.nextInt(10) != 0) {
                    for (Object act : pending) {
                        batch.add(message(coalition, sequence++, act, metaData));
                    }
                    pending.clear();
                }
                if (batch.size() >= BATCH) {
                    events.publish(batch);
                    batch.clear();
                }
            }
            for (Object act : pending) {
                batch.add(message(coalition, sequence++, act, metaData));
            }
            written += acts;
        }
        if (!batch.isEmpty()) {
            events.publish(batch);
        }
        return coalitions;
    }

    private static PartialDate imprecise(LocalDate day, Random random) {
        int roll = random.nextInt(10);
        if (roll == 0) {
            return new PartialDate(day.withDayOfYear(1), Precision.YEAR);
        }
        if (roll < 3) {
            return new PartialDate(day.withDayOfMonth(1), Precision.MONTH);
        }
        return PartialDate.ofDay(day);
    }

    private static GenericDomainEventMessage<?> message(String aggregate, long sequence, Object payload,
                                                        MetaData metaData) {
        return new GenericDomainEventMessage<>("Coalition", aggregate, sequence, payload, metaData);
    }

    private static double seconds(long startedNanos) {
        return Math.max(1e-9, (System.nanoTime() - startedNanos) / 1e9);
    }

    private static String line(String name, String db, double value, String unit) {
        return String.format(Locale.ROOT, "BENCH %s %s %.3f %s", name, db, value, unit);
    }

    /**
     * Entry point: databases from {@code -Dbench.dbs=h2,postgresql} (PostgreSQL is an embedded server started for
     * the run), sizes from {@code -Dbench.sizes=10000,100000,1000000}, as-of queries from {@code -Dbench.queries},
     * commands per append measurement from {@code -Dbench.appends}, import lines from {@code -Dbench.importLines},
     * coalitions of the list measurement from {@code -Dbench.listCoalitions} (10,000),
     * rounds of the throughput measurements from {@code -Dbench.rounds} (3);
     * {@code -Dbench.extra="--some.property=value --other=value"} passes more settings to the application.
     */
    public static void main(String[] args) {
        Settings settings = Settings.fromSystemProperties();
        run(settings, System.out::println);
        // Axon's janitor thread is not a daemon and would keep the JVM alive after the last context has closed
        System.exit(0);
    }
}
