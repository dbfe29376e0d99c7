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
import org.coalitionledger.coalition.query.FetchMembersQuery;
import org.coalitionledger.coalition.query.MembersResponse;
import org.coalitionledger.common.PartialDate;
import org.coalitionledger.common.Precision;
import org.coalitionledger.common.Source;
import org.coalitionledger.correction.event.RecordCorrected;
import org.coalitionledger.it.LedgerHttpTestSupport;
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

    /** Runs the benchmark for each ledger size and reports every figure to {@code out}. */
    public static void run(int[] sizes, int queries, Consumer<String> out) {
        for (int size : sizes) {
            try (ConfigurableApplicationContext context = new SpringApplicationBuilder(LedgerApplication.class)
                    .web(WebApplicationType.NONE)
                    .run("--ledger.data-dir=" + LedgerHttpTestSupport.freshDataDir(),
                         "--ledger.read-your-writes-timeout=PT2H",
                         "--logging.level.org.axonframework=warn",
                         // sealing is measured on its own, after the projections have caught up
                         "--ledger.audit.seal-interval=PT24H",
                         System.getProperty("bench.extra", "--bench.extra=none"))) {
                measure(context, size, queries, out);
            }
        }
    }

    private static void measure(ConfigurableApplicationContext context, int size, int queries,
                                Consumer<String> out) {
        String db = "h2";
        EventStore events = context.getBean(EventStore.class);
        long started = System.nanoTime();
        List<String> coalitions = generate(events, size, new Random(size));
        double appendSeconds = seconds(started);
        out.accept(line("generate_" + size, db, size / appendSeconds, "acts/s"));
        if (Boolean.getBoolean("bench.auditOnly")) {
            // only the audit figures: the projections are stopped so that they do not compete for the machine
            context.getBean(EventProcessingConfiguration.class).eventProcessors().values()
                    .forEach(EventProcessor::shutDown);
            measureAudit(context, size, db, out);
            return;
        }

        started = System.nanoTime();
        if (!context.getBean(ProjectionBarrier.class).awaitProjections()) {
            throw new IllegalStateException("projections did not catch up");
        }
        out.accept(line("projection_catchup_" + size, db, size / seconds(started), "acts/s"));

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
        started = System.nanoTime();
        int members = 0;
        for (String coalition : coalitions) {
            members += replay.members(coalition, LocalDate.of(2015, 6, 30), now).orElseThrow().members().size();
        }
        out.accept(line("replay_" + size, db, seconds(started), "s"));
        if (members < 0) {
            throw new IllegalStateException();
        }

        measureAudit(context, size, db, out);
    }

    private static void measureAudit(ConfigurableApplicationContext context, int size, String db,
                                     Consumer<String> out) {
        long started = System.nanoTime();
        context.getBean(AuditSealer.class).seal(true);
        out.accept(line("seal_" + size, db, size / seconds(started), "events/s"));
        measureVerify(context, db, out);
    }

    /**
     * Audit verify against a plain ordered read of the same table, streaming every column, in the same run; two
     * rounds of each, alternating, and the better of each is reported (the first round also warms the cache, and
     * verify remembers the signatures it checked), with verify's first round on its own.
     */
    private static void measureVerify(ConfigurableApplicationContext context, String db, Consumer<String> out) {
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
        out.accept(line("verify_first", db, first, "events/s"));
        out.accept(line("verify", db, verify, "events/s"));
        out.accept(line("verify_baseline", db, baseline, "events/s"));
        out.accept(String.format(Locale.ROOT, "RATIO verify %s %.3f", db, verify / baseline));
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
     * Entry point: sizes from {@code -Dbench.sizes=10000,100000,1000000}, queries from {@code -Dbench.queries};
     * {@code -Dbench.extra=--some.property=value} passes one more setting to the application (e.g. another database);
     * {@code -Dbench.auditOnly=true} measures only writing, sealing and verify, with the projections stopped.
     */
    public static void main(String[] args) {
        int[] sizes = Arrays.stream(System.getProperty("bench.sizes", "10000,100000").split(","))
                .mapToInt(Integer::parseInt).toArray();
        int queries = Integer.getInteger("bench.queries", 2_000);
        run(sizes, queries, System.out::println);
        // Axon's janitor thread is not a daemon and would keep the JVM alive after the last context has closed
        System.exit(0);
    }
}
