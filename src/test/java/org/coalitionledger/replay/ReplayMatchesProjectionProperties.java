package org.coalitionledger.replay;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.coalitionledger.LedgerApplication;
import org.coalitionledger.agreement.command.RegisterAgreement;
import org.coalitionledger.agreement.command.SignAgreement;
import org.coalitionledger.agreement.command.WithdrawFromAgreement;
import org.coalitionledger.agreement.query.CommitmentsResponse;
import org.coalitionledger.agreement.query.FetchCommitmentsQuery;
import org.coalitionledger.coalition.command.DeclareIntent;
import org.coalitionledger.coalition.command.DesignateLead;
import org.coalitionledger.coalition.command.FormCoalition;
import org.coalitionledger.coalition.command.JoinCoalition;
import org.coalitionledger.coalition.command.LeaveCoalition;
import org.coalitionledger.coalition.query.FetchMembersQuery;
import org.coalitionledger.coalition.query.MembersResponse;
import org.coalitionledger.common.Rejection;
import org.coalitionledger.support.RecordTime;
import org.coalitionledger.common.Source;
import org.coalitionledger.correction.command.CorrectRecord;
import org.coalitionledger.correction.command.RetractRecord;
import org.coalitionledger.it.LedgerHttpTestSupport;
import org.coalitionledger.recording.ProjectionBarrier;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random ledgers — acts recorded out of order, at day, month and year precision, with corrections and retractions —
 * answered two ways for random (asOf, knownAt) pairs: from the bitemporal projection tables and by replaying the
 * raw events. The answers must be equal.
 */
class ReplayMatchesProjectionProperties {

    private static final Source SOURCE = new Source("Generated", null, null, null, null);
    private static final List<String> PARTIES = List.of("EE", "LU", "NL", "GB", "DK");

    private static ConfigurableApplicationContext context;

    @BeforeContainer
    static void start() {
        context = new SpringApplicationBuilder(LedgerApplication.class)
                .web(WebApplicationType.NONE)
                .run("--ledger.data-dir=" + LedgerHttpTestSupport.freshDataDir());
    }

    @AfterContainer
    static void stop() {
        context.close();
    }

    /** One generated act: what, by whom, when, and (for corrections) which earlier record. */
    record Op(int kind, String party, String date, int target) {
    }

    @Provide
    Arbitrary<List<Op>> ledgers() {
        Arbitrary<String> dates = Combinators.combine(Arbitraries.integers().between(2019, 2025),
                                                      Arbitraries.integers().between(1, 12),
                                                      Arbitraries.integers().between(1, 28),
                                                      Arbitraries.integers().between(0, 4))
                .as((year, month, day, precision) -> switch (precision) {
                    case 0 -> String.valueOf(year);
                    case 1 -> "%d-%02d".formatted(year, month);
                    default -> "%d-%02d-%02d".formatted(year, month, day);
                });
        // kinds: 0 join, 1 intent, 2 lead, 3 leave, 4 sign, 5 withdraw, 6 correct, 7 retract; joins and
        // signatures weighted up so that most ledgers hold a fair number of accepted acts
        Arbitrary<Integer> kinds = Arbitraries.frequency(Tuple.of(4, 0), Tuple.of(1, 1), Tuple.of(2, 2),
                                                         Tuple.of(2, 3), Tuple.of(3, 4), Tuple.of(1, 5),
                                                         Tuple.of(2, 6), Tuple.of(1, 7));
        Arbitrary<Op> ops = Combinators.combine(kinds,
                                                Arbitraries.of(PARTIES), dates,
                                                Arbitraries.integers().between(0, 1000))
                .as(Op::new);
        return ops.list().ofMinSize(10).ofMaxSize(60);
    }

    @Provide
    Arbitrary<List<LocalDate>> days() {
        return Arbitraries.integers().between(0, 365 * 9).map(n -> LocalDate.of(2018, 6, 1).plusDays(n))
                .list().ofMinSize(3).ofMaxSize(8);
    }

    @Property(tries = 25)
    void projectionAndReplayAgree(@ForAll("ledgers") List<Op> ops, @ForAll("days") List<LocalDate> days,
                                  @ForAll("moments") List<Integer> moments) {
        CommandGateway commands = context.getBean(CommandGateway.class);
        String coalition = "p-" + UUID.randomUUID().toString().substring(0, 12);
        String agreement = coalition + "-a";
        send(commands, new FormCoalition(coalition, "Generated", null, null, "2019", SOURCE, null, id()));
        send(commands, new RegisterAgreement(agreement, coalition, "Generated", "P2Y", null, SOURCE, null, id()));
        List<String> records = new ArrayList<>();
        for (Op op : ops) {
            String recordId = id();
            Object command = switch (op.kind()) {
                case 0 -> new JoinCoalition(coalition, op.party(), op.date(), SOURCE, null, recordId);
                case 1 -> new DeclareIntent(coalition, op.party(), op.date(), SOURCE, null, recordId);
                case 2 -> new DesignateLead(coalition, op.party(), op.date(), SOURCE, null, recordId);
                case 3 -> new LeaveCoalition(coalition, op.party(), op.date(), SOURCE, null, recordId);
                case 4 -> new SignAgreement(agreement, op.party(), op.date(), SOURCE, null, recordId);
                case 5 -> new WithdrawFromAgreement(agreement, op.party(), op.date(), SOURCE, null, recordId);
                case 6 -> records.isEmpty() ? null : new CorrectRecord(
                        records.get(op.target() % records.size()), op.date(), "generated", SOURCE, recordId);
                default -> records.isEmpty() ? null : new RetractRecord(
                        records.get(op.target() % records.size()), "generated", SOURCE, recordId);
            };
            if (command != null && send(commands, command) && op.kind() < 6) {
                records.add(recordId);
            }
        }
        assertThat(context.getBean(ProjectionBarrier.class).awaitProjections()).isTrue();
        Statistics.label("accepted acts").collect(records.size() < 5 ? "<5" : records.size() < 15 ? "5-14" : "15+");

        List<Instant> knownAts = knownAts(coalition, agreement);
        QueryGateway queries = context.getBean(QueryGateway.class);
        ReplayService replay = context.getBean(ReplayService.class);
        for (int i = 0; i < moments.size(); i++) {
            Instant knownAt = knownAts.get(moments.get(i) % knownAts.size());
            for (LocalDate asOf : days) {
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
            }
        }
    }

    @Provide
    Arbitrary<List<Integer>> moments() {
        return Arbitraries.integers().between(0, 10_000).list().ofMinSize(2).ofMaxSize(6);
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
