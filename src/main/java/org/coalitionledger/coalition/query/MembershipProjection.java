package org.coalitionledger.coalition.query;

import jakarta.persistence.EntityManager;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.queryhandling.QueryHandler;
import org.coalitionledger.coalition.event.CoalitionFormed;
import org.coalitionledger.coalition.event.CoalitionJoined;
import org.coalitionledger.coalition.event.CoalitionLeft;
import org.coalitionledger.coalition.event.IntentDeclared;
import org.coalitionledger.coalition.event.LeadDesignated;
import org.coalitionledger.coalition.event.MemberReinstated;
import org.coalitionledger.coalition.event.MemberSuspended;
import org.coalitionledger.coalition.event.ObserverAdmitted;
import org.coalitionledger.coalition.event.PartyAct;
import org.coalitionledger.coalition.query.MembersOnDay.PartyInterval;
import org.coalitionledger.coalition.query.MembersResponse.Member;
import org.coalitionledger.coalition.query.MembershipFold.Kind;
import org.coalitionledger.coalition.query.MembershipRepositories.CoalitionViews;
import org.coalitionledger.coalition.query.MembershipRepositories.Formations;
import org.coalitionledger.coalition.query.MembershipRepositories.Intervals;
import org.coalitionledger.coalition.query.PartyMemberships.Membership;
import org.coalitionledger.coalition.query.TimelineResponse.PartyTimeline;
import org.coalitionledger.coalition.query.TimelineResponse.Span;
import org.coalitionledger.common.PartialDate;
import org.coalitionledger.common.Parties;
import org.coalitionledger.support.RecordTime;
import org.coalitionledger.correction.event.RecordCorrected;
import org.coalitionledger.correction.event.RecordRetracted;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Membership of every coalition on both clocks: who was a member, lead or intending party on any day (effective
 * time), as the ledger knew it at any moment (record time). Each act, correction or retraction re-folds the
 * intervals of its party; intervals that change are closed on the record-time axis ({@code knownUntil}) and their
 * successors opened, so the tables keep what the ledger said at every moment and no answer needs a replay.
 */
@Component
@ProcessingGroup(MembershipProjection.GROUP)
public class MembershipProjection {

    public static final String GROUP = "membership";

    private final CoalitionViews coalitions;
    private final Intervals intervals;
    private final Formations formations;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final EntityManager entityManager;
    private final CoalitionList list;

    MembershipProjection(CoalitionViews coalitions, Intervals intervals, Formations formations, JdbcTemplate jdbc,
                         EntityManager entityManager, Clock clock) {
        this.clock = clock;
        this.coalitions = coalitions;
        this.intervals = intervals;
        this.formations = formations;
        this.jdbc = jdbc;
        this.entityManager = entityManager;
        this.list = new CoalitionList(jdbc);
    }

    @EventHandler
    void on(CoalitionFormed event, @Timestamp Instant recordedAt) {
        Instant at = RecordTime.of(recordedAt);
        coalitions.save(new CoalitionView(event, at));
        formations.save(new FormationRow(event.coalition(), event.effectiveDate(), at, at));
    }

    @EventHandler
    void on(CoalitionJoined event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        record(Kind.JOIN, event, sequence, recordedAt);
    }

    @EventHandler
    void on(IntentDeclared event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        record(Kind.INTENT, event, sequence, recordedAt);
    }

    @EventHandler
    void on(LeadDesignated event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        record(Kind.LEAD, event, sequence, recordedAt);
    }

    @EventHandler
    void on(CoalitionLeft event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        record(Kind.LEAVE, event, sequence, recordedAt);
    }

    @EventHandler
    void on(MemberSuspended event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        record(Kind.SUSPEND, event, sequence, recordedAt);
    }

    @EventHandler
    void on(MemberReinstated event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        record(Kind.REINSTATE, event, sequence, recordedAt);
    }

    @EventHandler
    void on(ObserverAdmitted event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        record(Kind.OBSERVE, event, sequence, recordedAt);
    }

    @EventHandler
    void on(RecordCorrected event, @Timestamp Instant recordedAt) {
        if (event.agreement() == null && event.party() == null) {
            // the formation moved: the row held until now is closed, one with the new date opened
            Instant at = RecordTime.of(recordedAt);
            formations.current(event.coalition()).ifPresent(held -> {
                held.close(at);
                formations.save(held);
            });
            Instant coalitionKnownFrom = coalitions.findById(event.coalition()).map(CoalitionView::knownFrom)
                    .orElse(null);
            formations.save(new FormationRow(event.coalition(), event.effectiveDate(), at, coalitionKnownFrom));
        } else if (event.agreement() == null) {
            write(writes -> writes.move(event.coalition(), event.party(), event.correctedRecordId(),
                                        event.effectiveDate(), RecordTime.of(recordedAt)));
        }
    }

    @EventHandler
    void on(RecordRetracted event, @Timestamp Instant recordedAt) {
        if (event.agreement() == null && event.party() != null) {
            write(writes -> writes.retract(event.coalition(), event.party(), event.retractedRecordId(),
                                           RecordTime.of(recordedAt)));
        }
    }

    @ResetHandler
    void reset() {
        carried.clear();
        intervals.deleteAllInBatch();
        jdbc.update("delete from membership_act");
        formations.deleteAllInBatch();
        coalitions.deleteAllInBatch();
    }

    private void record(Kind kind, PartyAct event, long sequence, Instant recordedAt) {
        write(writes -> writes.record(event.coalition(), event.party(), kind, event.effectiveDate(),
                                      event.recordId(), sequence, RecordTime.of(recordedAt)));
    }

    /**
     * Applies one event's change to the writes of its batch: a tracking processor handles a batch of events in one
     * unit of work, and the batch's rows are written together when it commits (see {@link MembershipWrites}).
     * While the projection is rebuilt (a replay), the parties written by one batch are carried into the next instead
     * of being read again; the first batch after the replay forgets them. Outside a unit of work (an event handed
     * over directly) the rows are written at once.
     */
    private void write(Consumer<MembershipWrites> change) {
        if (!CurrentUnitOfWork.isStarted()) {
            MembershipWrites writes = new MembershipWrites(jdbc, null);
            change.accept(writes);
            writes.flush();
            // rows read through JPA before this change must not be answered from its persistence context
            entityManager.flush();
            entityManager.clear();
            return;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        change.accept(batch.getOrComputeResource(WRITES, key -> {
            boolean replaying = ReplayToken.isReplay(CurrentUnitOfWork.get().getMessage());
            if (!replaying && carried.size() > 0) {
                carried.clear();
            }
            MembershipWrites writes = new MembershipWrites(jdbc, replaying ? carried : null);
            batch.onPrepareCommit(unitOfWork -> writes.flush());
            batch.onRollback(unitOfWork -> carried.clear());
            return writes;
        }));
    }

    /** Parties carried from one batch to the next during a replay: about 50 acts each in a large ledger. */
    private final MembershipWrites.Carried carried = new MembershipWrites.Carried(20_000);

    private static final String WRITES = MembershipWrites.class.getName();

    @QueryHandler
    public Optional<MembersResponse> handle(FetchMembersQuery query) {
        return coalitions.findById(query.coalition())
                .filter(view -> view.knownAt(query.knownAt()))
                .map(view -> members(view.id(), query.asOf(), query.knownAt()));
    }

    @QueryHandler
    public List<CoalitionSummary> handle(FindCoalitionsQuery query) {
        return list.page(query.asOf(), query.knownAt(), 1, Integer.MAX_VALUE).coalitions();
    }

    /** One page of the list, from one statement (CoalitionList). */
    @QueryHandler
    public CoalitionPage handle(FindCoalitionPageQuery query) {
        return list.page(query.asOf(), query.knownAt(), query.page(), query.size());
    }

    @QueryHandler
    public Optional<CoalitionSummary> handle(FetchCoalitionQuery query) {
        return coalitions.findById(query.coalition())
                .filter(view -> view.knownAt(query.knownAt()))
                .map(view -> summary(view, query.asOf(), query.knownAt()));
    }

    @QueryHandler
    public Optional<TimelineResponse> handle(FetchTimelineQuery query) {
        return coalitions.findById(query.coalition())
                .filter(view -> view.knownAt(query.knownAt()))
                .map(view -> {
                    LocalDate from = query.from() != null ? query.from()
                            : formedOn(view, query.knownAt()).start();
                    LocalDate to = query.to() != null ? query.to() : LocalDate.now(clock);
                    Map<String, List<Span>> byParty = new LinkedHashMap<>();
                    intervals.overlapping(view.id(), from, to, query.knownAt()).forEach(row -> byParty
                            .computeIfAbsent(row.party(), party -> new ArrayList<>())
                            .add(new Span(row.role(), row.start().text(), row.start().precision(),
                                          row.end() == null ? null : row.end().text(),
                                          row.end() == null ? null : row.end().precision())));
                    return new TimelineResponse(view.id(), from, to, query.knownAt(), byParty.entrySet().stream()
                            .map(e -> new PartyTimeline(e.getKey(), Parties.nameOf(e.getKey()), e.getValue()))
                            .toList());
                });
    }

    @QueryHandler
    public PartyMemberships handle(FindMembershipsOfPartyQuery query) {
        Map<String, List<PartyInterval>> byCoalition = new LinkedHashMap<>();
        intervals.ofPartyOn(query.party(), query.asOf(), query.knownAt()).forEach(row -> byCoalition
                .computeIfAbsent(row.coalitionId(), c -> new ArrayList<>())
                .add(new PartyInterval(row.party(), row.toInterval())));
        List<Membership> memberships = new ArrayList<>();
        List<Membership> intending = new ArrayList<>();
        List<Membership> suspended = new ArrayList<>();
        List<Membership> observers = new ArrayList<>();
        byCoalition.forEach((coalition, held) -> {
            String name = coalitions.findById(coalition).map(CoalitionView::name).orElse(coalition);
            MembersResponse answer = MembersOnDay.answer(coalition, query.asOf(), query.knownAt(), held);
            answer.members().forEach(m -> memberships.add(
                    new Membership(coalition, name, m.role(), m.since(), m.precision(), m.certain())));
            answer.intending().forEach(i -> intending.add(
                    new Membership(coalition, name, MemberRole.INTENT, i.since(), i.precision(), i.certain())));
            answer.suspended().forEach(s -> suspended.add(
                    new Membership(coalition, name, MemberRole.SUSPENDED, s.since(), s.precision(), s.certain())));
            answer.observers().forEach(o -> observers.add(
                    new Membership(coalition, name, MemberRole.OBSERVER, o.since(), o.precision(), o.certain())));
        });
        for (List<Membership> list : List.of(memberships, intending, suspended, observers)) {
            list.sort(Comparator.comparing(Membership::coalition));
        }
        return new PartyMemberships(memberships, intending, suspended, observers);
    }

    private CoalitionSummary summary(CoalitionView view, LocalDate asOf, Instant knownAt) {
        MembersResponse members = members(view.id(), asOf, knownAt);
        List<String> leads = members.members().stream()
                .filter(member -> member.role() == MemberRole.LEAD).map(Member::party).toList();
        return new CoalitionSummary(view.id(), view.name(), view.parentGroup(), view.focusAreas(),
                                    formedOn(view, knownAt).text(), formedOn(view, knownAt).precision(),
                                    members.members().size(), leads);
    }

    /** The formation date the ledger held at {@code knownAt}. */
    private PartialDate formedOn(CoalitionView view, Instant knownAt) {
        return formations.heldAt(view.id(), knownAt).map(FormationRow::formedOn).orElseThrow(
                () -> new IllegalStateException("coalition " + view.id() + " has no formation known at " + knownAt));
    }

    private MembersResponse members(String coalition, LocalDate asOf, Instant knownAt) {
        return MembersOnDay.answer(coalition, asOf, knownAt, intervals.holdingOn(coalition, asOf, knownAt).stream()
                .map(row -> new PartyInterval(row.party(), row.toInterval())).toList());
    }
}
