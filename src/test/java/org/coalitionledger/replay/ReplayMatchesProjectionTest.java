package org.coalitionledger.replay;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.coalitionledger.LedgerApplication;
import org.coalitionledger.agreement.command.ConsentToBeBound;
import org.coalitionledger.agreement.command.NotifyWithdrawal;
import org.coalitionledger.agreement.command.RecordEntryIntoForce;
import org.coalitionledger.agreement.command.RegisterAgreement;
import org.coalitionledger.agreement.command.SignAgreement;
import org.coalitionledger.agreement.command.WithdrawFromAgreement;
import org.coalitionledger.agreement.query.CommitmentsResponse;
import org.coalitionledger.agreement.event.EntryIntoForceRule;
import org.coalitionledger.agreement.query.FetchCommitmentsQuery;
import org.coalitionledger.agreement.query.FetchPartiesQuery;
import org.coalitionledger.agreement.query.PartiesResponse;
import org.coalitionledger.coalition.command.AdmitObserver;
import org.coalitionledger.coalition.command.DeclareIntent;
import org.coalitionledger.coalition.command.DesignateLead;
import org.coalitionledger.coalition.command.FormCoalition;
import org.coalitionledger.coalition.command.JoinCoalition;
import org.coalitionledger.coalition.command.LeaveCoalition;
import org.coalitionledger.coalition.command.ReinstateMember;
import org.coalitionledger.coalition.command.SuspendMember;
import org.coalitionledger.coalition.query.FetchMembersQuery;
import org.coalitionledger.coalition.query.MembersResponse;
import org.coalitionledger.common.Rejection;
import org.coalitionledger.common.Source;
import org.coalitionledger.correction.command.CorrectRecord;
import org.coalitionledger.correction.command.RetractRecord;
import org.coalitionledger.it.LedgerHttpTestSupport;
import org.coalitionledger.recording.ProjectionBarrier;
import org.coalitionledger.support.RecordTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random ledgers — acts recorded out of order, at day, month and year precision and as ranges, with suspensions,
 * reinstatements and observers, corrections and retractions —
 * answered two ways for random (asOf, knownAt) pairs: from the bitemporal projection tables and by replaying the
 * raw events. The answers must be equal.
 * <p>
 * {@value #CASES} cases (or {@code -Dledger.cases=n}), case i generated from seed {@code ledger.seed + i}; the base
 * seed is fixed so that every build checks the same ledgers, and {@code -Dledger.seed=...} explores others. A failing
 * case names its seed (rerun it alone with {@code -Dledger.seed=<seed> -Dledger.cases=1}) and the ledger it failed
 * on, reduced by dropping acts (and days and moments asked about) one at a time for as long as it still fails.
 */
class ReplayMatchesProjectionTest {

    private static final int CASES = 25;
    private static final long BASE_SEED = Long.getLong("ledger.seed", 20_240_131L);
    private static final int CASE_COUNT = Integer.getInteger("ledger.cases", CASES);
    /** Reruns left for reducing failing ledgers, shared by all cases so that a broken fold fails the run quickly. */
    private static final AtomicInteger REDUCTION_RUNS = new AtomicInteger(150);

    private static final Source SOURCE = new Source("Generated", null, null, null, null);
    private static final List<String> PARTIES = List.of("EE", "LU", "NL", "GB", "DK");
    /**
     * The agreement's rules, one per ledger: commitments from the signature with a notice period; from entry into
     * force 30 days after the second consent; from an entry into force recorded by hand.
     */
    /** The agreement's term and treaty rules, one set per ledger; a null term makes commitments open-ended. */
    private static final List<RegisterAgreement> RULES = List.of(
            new RegisterAgreement(null, null, null, "P2Y", null, null, null, null, null, null, "P3M"),
            new RegisterAgreement(null, null, null, "P2Y", null, null, null, null, "ENTRY_INTO_FORCE",
                                  new EntryIntoForceRule(2, "P30D"), "P6M"),
            new RegisterAgreement(null, null, null, "P2Y", null, null, null, null, "ENTRY_INTO_FORCE",
                                  new EntryIntoForceRule(null, "P30D"), "P3M"),
            new RegisterAgreement(null, null, null, null, null, null, null, null, null, null, "P3M"),
            new RegisterAgreement(null, null, null, null, null, null, null, null, "ENTRY_INTO_FORCE",
                                  new EntryIntoForceRule(2, "P30D"), "P6M"));

    private static ConfigurableApplicationContext context;

    @BeforeAll
    static void start() {
        context = new SpringApplicationBuilder(LedgerApplication.class)
                .web(WebApplicationType.NONE)
                .run("--ledger.data-dir=" + LedgerHttpTestSupport.freshDataDir());
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    /** The kinds of act, each with its weight among generated acts: joins and signatures weighted up. */
    enum Kind {
        JOIN(4), INTENT(1), LEAD(2), LEAVE(2), SIGN(3), WITHDRAW(1), CORRECT(2), RETRACT(1), SUSPEND(2), REINSTATE(2),
        OBSERVE(2), CONSENT(3), ACCEDE(1), NOTICE(1), ENTRY(1);

        final int weight;

        Kind(int weight) {
            this.weight = weight;
        }

        boolean recordsAnAct() {
            return this != CORRECT && this != RETRACT;
        }

        static Kind pick(SplittableRandom random) {
            int total = Stream.of(values()).mapToInt(kind -> kind.weight).sum();
            int n = random.nextInt(total);
            for (Kind kind : values()) {
                n -= kind.weight;
                if (n < 0) {
                    return kind;
                }
            }
            throw new AssertionError();
        }
    }

    /** One generated act: what, by whom, when, and (for corrections and retractions) which earlier record. */
    record Act(Kind kind, String party, String date, int target) {
        @Override
        public String toString() {
            return kind + " " + party + " " + date + (kind.recordsAnAct() ? "" : " target " + target);
        }
    }

    /** A generated case: the acts, the days asked about and the moments (indexes into the record times) asked at. */
    record Ledger(long seed, List<Act> acts, List<LocalDate> days, List<Integer> moments, int rules) {

        static Ledger generate(long seed) {
            SplittableRandom random = new SplittableRandom(seed);
            List<Act> acts = new ArrayList<>();
            for (int i = 0, n = random.nextInt(10, 61); i < n; i++) {
                acts.add(new Act(Kind.pick(random), PARTIES.get(random.nextInt(PARTIES.size())), date(random),
                                 random.nextInt(0, 1001)));
            }
            List<LocalDate> days = IntStream.range(0, random.nextInt(3, 9))
                    .mapToObj(i -> LocalDate.of(2018, 6, 1).plusDays(random.nextInt(0, 365 * 9 + 1))).toList();
            List<Integer> moments = IntStream.range(0, random.nextInt(2, 7))
                    .mapToObj(i -> random.nextInt(0, 10_001)).toList();
            return new Ledger(seed, List.copyOf(acts), days, moments, random.nextInt(RULES.size()));
        }

        /** A year, a month, a day or a range (closed or open), out of order between 2019 and 2025. */
        private static String date(SplittableRandom random) {
            int year = random.nextInt(2019, 2026);
            int month = random.nextInt(1, 13);
            int day = random.nextInt(1, 29);
            LocalDate first = LocalDate.of(year, month, day);
            return switch (random.nextInt(7)) {
                case 0 -> String.valueOf(year);
                case 1 -> "%d-%02d".formatted(year, month);
                case 2 -> "[%s..%s]".formatted(first, first.plusDays(random.nextInt(1, 120)));
                case 3 -> "[..%s]".formatted(first);
                default -> "%d-%02d-%02d".formatted(year, month, day);
            };
        }

        /** This ledger less one act, or asked on one day or at one moment less: the last first. */
        List<Ledger> smaller() {
            List<Ledger> smaller = new ArrayList<>();
            for (int i = acts.size() - 1; i >= 0; i--) {
                smaller.add(new Ledger(seed, without(acts, i), days, moments, rules));
            }
            for (int i = days.size() - 1; i >= 0 && days.size() > 1; i--) {
                smaller.add(new Ledger(seed, acts, without(days, i), moments, rules));
            }
            for (int i = moments.size() - 1; i >= 0 && moments.size() > 1; i--) {
                smaller.add(new Ledger(seed, acts, days, without(moments, i), rules));
            }
            return smaller;
        }

        private static <T> List<T> without(List<T> list, int index) {
            List<T> fewer = new ArrayList<>(list);
            fewer.remove(index);
            return List.copyOf(fewer);
        }

        String describe() {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < acts.size(); i++) {
                text.append("\n  ").append(i).append(": ").append(acts.get(i));
            }
            text.append("\n  agreement rules ").append(RULES.get(rules));
            return text.append("\n  asked on ").append(days).append(" at record-time indexes ").append(moments)
                    .toString();
        }
    }

    @TestFactory
    Stream<DynamicTest> projectionAndReplayAgree() {
        return IntStream.range(0, CASE_COUNT).mapToObj(i -> BASE_SEED + i)
                .map(seed -> DynamicTest.dynamicTest("seed " + seed, () -> check(Ledger.generate(seed))));
    }

    /** Fails with the seed and the smallest failing ledger found when projection and replay disagree. */
    private static void check(Ledger ledger) {
        Optional<AssertionError> failure = disagreement(ledger);
        if (failure.isEmpty()) {
            return;
        }
        Ledger reduced = ledger;
        AssertionError reducedFailure = failure.get();
        boolean dropped = true;
        while (dropped && REDUCTION_RUNS.get() > 0) {
            dropped = false;
            for (Ledger smaller : reduced.smaller()) {
                if (REDUCTION_RUNS.getAndDecrement() <= 0) {
                    break;
                }
                Optional<AssertionError> still = disagreement(smaller);
                if (still.isPresent()) {
                    reduced = smaller;
                    reducedFailure = still.get();
                    dropped = true;
                    break;
                }
            }
        }
        String message = "Projection and replay disagree for seed %d (rerun: -Dledger.seed=%d -Dledger.cases=1)."
                .formatted(ledger.seed(), ledger.seed())
                + "\nReduced ledger (%d of %d acts):".formatted(reduced.acts().size(), ledger.acts().size())
                + reduced.describe() + "\nIts disagreement: " + reducedFailure.getMessage();
        throw new AssertionError(message, failure.get());
    }

    /** Records the ledger under fresh ids and compares the two answers; the first difference, if any. */
    private static Optional<AssertionError> disagreement(Ledger ledger) {
        CommandGateway commands = context.getBean(CommandGateway.class);
        String coalition = "p-" + UUID.randomUUID().toString().substring(0, 12);
        String agreement = coalition + "-a";
        send(commands, new FormCoalition(coalition, "Generated", null, null, "2019", SOURCE, null, id()));
        RegisterAgreement rules = RULES.get(ledger.rules());
        send(commands, new RegisterAgreement(agreement, coalition, "Generated", rules.commitmentTerm(), null, SOURCE,
                                             null, id(), rules.commitmentStarts(), rules.entryIntoForce(),
                                             rules.withdrawalNotice()));
        List<String> records = new ArrayList<>();
        for (Act act : ledger.acts()) {
            String recordId = id();
            Object command = switch (act.kind()) {
                case JOIN -> new JoinCoalition(coalition, act.party(), act.date(), SOURCE, null, recordId);
                case INTENT -> new DeclareIntent(coalition, act.party(), act.date(), SOURCE, null, recordId);
                case LEAD -> new DesignateLead(coalition, act.party(), act.date(), SOURCE, null, recordId);
                case LEAVE -> new LeaveCoalition(coalition, act.party(), act.date(), SOURCE, null, recordId);
                case SUSPEND -> new SuspendMember(coalition, act.party(), act.date(), SOURCE, null, recordId);
                case REINSTATE -> new ReinstateMember(coalition, act.party(), act.date(), SOURCE, null, recordId);
                case OBSERVE -> new AdmitObserver(coalition, act.party(), act.date(), SOURCE, null, recordId);
                case SIGN -> new SignAgreement(agreement, act.party(), act.date(), SOURCE, null, recordId);
                case WITHDRAW -> new WithdrawFromAgreement(agreement, act.party(), act.date(), SOURCE, null, recordId);
                case CORRECT -> records.isEmpty() ? null : new CorrectRecord(
                        records.get(act.target() % records.size()), act.date(), "generated", SOURCE, recordId);
                case RETRACT -> records.isEmpty() ? null : new RetractRecord(
                        records.get(act.target() % records.size()), "generated", SOURCE, recordId);
                case CONSENT -> new ConsentToBeBound(agreement, act.party(), act.date(), "RATIFICATION", SOURCE, null,
                                                     recordId);
                case ACCEDE -> new ConsentToBeBound(agreement, act.party(), act.date(), "ACCESSION", SOURCE, null,
                                                    recordId);
                case NOTICE -> new NotifyWithdrawal(agreement, act.party(), act.date(),
                                                    act.target() % 3 == 0 ? "2026-06-30" : null, SOURCE, null,
                                                    recordId);
                case ENTRY -> new RecordEntryIntoForce(agreement, act.date(), SOURCE, null, recordId);
            };
            if (command != null && send(commands, command) && act.kind().recordsAnAct()) {
                records.add(recordId);
            }
        }
        assertThat(context.getBean(ProjectionBarrier.class).awaitProjections()).isTrue();

        List<Instant> knownAts = knownAts(coalition, agreement);
        QueryGateway queries = context.getBean(QueryGateway.class);
        ReplayService replay = context.getBean(ReplayService.class);
        try {
            for (int moment : ledger.moments()) {
                Instant knownAt = knownAts.get(moment % knownAts.size());
                for (LocalDate asOf : ledger.days()) {
                    MembersResponse projected = queries.query(new FetchMembersQuery(coalition, asOf, knownAt),
                                                              ResponseTypes.optionalInstanceOf(MembersResponse.class))
                            .join().orElse(null);
                    assertThat(projected).as("members on %s known at %s", asOf, knownAt)
                            .isEqualTo(replay.members(coalition, asOf, knownAt).orElse(null));
                    CommitmentsResponse committed = queries.query(
                            new FetchCommitmentsQuery(agreement, asOf, knownAt),
                            ResponseTypes.optionalInstanceOf(CommitmentsResponse.class)).join().orElse(null);
                    assertThat(committed).as("commitments on %s known at %s", asOf, knownAt)
                            .isEqualTo(replay.commitments(agreement, asOf, knownAt).orElse(null));
                    PartiesResponse parties = queries.query(
                            new FetchPartiesQuery(agreement, asOf, knownAt),
                            ResponseTypes.optionalInstanceOf(PartiesResponse.class)).join().orElse(null);
                    assertThat(parties).as("parties on %s known at %s", asOf, knownAt)
                            .isEqualTo(replay.parties(agreement, asOf, knownAt).orElse(null));
                }
            }
            return Optional.empty();
        } catch (AssertionError disagreement) {
            return Optional.of(disagreement);
        }
    }

    /** Every record time of the two streams, a millisecond before each, and now. */
    private static List<Instant> knownAts(String coalition, String agreement) {
        EventStore events = context.getBean(EventStore.class);
        TreeSet<Instant> moments = new TreeSet<>();
        for (String aggregate : List.of(coalition, agreement)) {
            events.readEvents(aggregate).asStream().map(DomainEventMessage::getTimestamp).map(RecordTime::of)
                    .forEach(at -> {
                        moments.add(at);
                        moments.add(at.minusMillis(1));
                    });
        }
        moments.add(Instant.now());
        return new ArrayList<>(moments);
    }

    private static boolean send(CommandGateway commands, Object command) {
        try {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                                         .andMetaData(MetaData.with("recordedBy", "property-test")));
            return true;
        } catch (Rejection rejected) {
            return false;
        }
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }
}
