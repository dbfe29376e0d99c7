package org.coalitionledger.coalition.query;

import jakarta.persistence.EntityManager;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.coalitionledger.coalition.event.CoalitionFormed;
import org.coalitionledger.coalition.event.CoalitionJoined;
import org.coalitionledger.coalition.event.CoalitionLeft;
import org.coalitionledger.coalition.event.IntentDeclared;
import org.coalitionledger.coalition.event.LeadDesignated;
import org.coalitionledger.coalition.event.PartyAct;
import org.coalitionledger.coalition.query.MembersOnDay.PartyInterval;
import org.coalitionledger.coalition.query.MembersResponse.Member;
import org.coalitionledger.coalition.query.MembershipFold.Interval;
import org.coalitionledger.coalition.query.MembershipFold.Kind;
import org.coalitionledger.coalition.query.MembershipRepositories.CoalitionViews;
import org.coalitionledger.coalition.query.MembershipRepositories.Intervals;
import org.coalitionledger.coalition.query.MembershipRepositories.MembershipActs;
import org.coalitionledger.coalition.query.PartyMemberships.Membership;
import org.coalitionledger.coalition.query.TimelineResponse.PartyTimeline;
import org.coalitionledger.coalition.query.TimelineResponse.Span;
import org.coalitionledger.common.Parties;
import org.coalitionledger.common.RecordTime;
import org.coalitionledger.correction.event.RecordCorrected;
import org.coalitionledger.correction.event.RecordRetracted;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
    private final MembershipActs acts;
    private final Intervals intervals;
    private final EntityManager entityManager;

    MembershipProjection(CoalitionViews coalitions, MembershipActs acts, Intervals intervals,
                         EntityManager entityManager) {
        this.coalitions = coalitions;
        this.acts = acts;
        this.intervals = intervals;
        this.entityManager = entityManager;
    }

    @EventHandler
    void on(CoalitionFormed event, @Timestamp Instant recordedAt) {
        coalitions.save(new CoalitionView(event, RecordTime.of(recordedAt)));
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
    void on(RecordCorrected event, @Timestamp Instant recordedAt) {
        if (event.agreement() == null && event.party() != null) {
            acts.findById(event.correctedRecordId()).ifPresent(row -> row.moveTo(event.effectiveDate()));
            refresh(event.coalition(), event.party(), RecordTime.of(recordedAt));
        }
    }

    @EventHandler
    void on(RecordRetracted event, @Timestamp Instant recordedAt) {
        if (event.agreement() == null && event.party() != null) {
            acts.deleteById(event.retractedRecordId());
            refresh(event.coalition(), event.party(), RecordTime.of(recordedAt));
        }
    }

    @ResetHandler
    void reset() {
        intervals.deleteAllInBatch();
        acts.deleteAllInBatch();
        coalitions.deleteAllInBatch();
    }

    private void record(Kind kind, PartyAct event, long sequence, Instant recordedAt) {
        acts.save(new MembershipActRow(event.recordId(), event.coalition(), event.party(), kind,
                                       event.effectiveDate(), sequence));
        refresh(event.coalition(), event.party(), RecordTime.of(recordedAt));
    }


    /** Folds the party's acts again and moves the current view to the new intervals. */
    private void refresh(String coalition, String party, Instant recordedAt) {
        List<Interval> folded = MembershipFold.fold(
                acts.findByCoalitionIdAndParty(coalition, party).stream().map(MembershipActRow::toAct).toList());
        Set<Interval> wanted = new HashSet<>(folded);
        for (IntervalRow row : intervals.current(coalition, party)) {
            if (!wanted.remove(row.toInterval())) {
                row.supersede(recordedAt);
            }
        }
        wanted.forEach(interval -> intervals.save(new IntervalRow(coalition, party, interval, recordedAt)));
        // a processor handles a batch of events in one transaction: write this event's rows and forget them, so
        // that the persistence context (and Hibernate's dirty checking before every query) does not grow
        entityManager.flush();
        entityManager.clear();
    }

    @QueryHandler
    public Optional<MembersResponse> handle(FetchMembersQuery query) {
        return coalitions.findById(query.coalition())
                .filter(view -> view.knownAt(query.knownAt()))
                .map(view -> members(view.id(), query.asOf(), query.knownAt()));
    }

    @QueryHandler
    public List<CoalitionSummary> handle(FindCoalitionsQuery query) {
        return coalitions.formedBy(query.asOf(), query.knownAt()).stream()
                .map(view -> summary(view, query.asOf(), query.knownAt())).toList();
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
                    LocalDate from = query.from() != null ? query.from() : view.formedOn().start();
                    LocalDate to = query.to() != null ? query.to() : LocalDate.now();
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
        byCoalition.forEach((coalition, held) -> {
            String name = coalitions.findById(coalition).map(CoalitionView::name).orElse(coalition);
            MembersResponse answer = MembersOnDay.answer(coalition, query.asOf(), query.knownAt(), held);
            answer.members().forEach(m -> memberships.add(
                    new Membership(coalition, name, m.role(), m.since(), m.precision(), m.certain())));
            answer.intending().forEach(i -> intending.add(
                    new Membership(coalition, name, Role.INTENT, i.since(), i.precision(), i.certain())));
        });
        memberships.sort(Comparator.comparing(Membership::coalition));
        intending.sort(Comparator.comparing(Membership::coalition));
        return new PartyMemberships(memberships, intending);
    }

    private CoalitionSummary summary(CoalitionView view, LocalDate asOf, Instant knownAt) {
        MembersResponse members = members(view.id(), asOf, knownAt);
        List<String> leads = members.members().stream()
                .filter(member -> member.role() == Role.LEAD).map(Member::party).toList();
        return new CoalitionSummary(view.id(), view.name(), view.parentGroup(), view.focusAreas(),
                                    view.formedOn().text(), view.formedOn().precision(), members.members().size(),
                                    leads);
    }

    private MembersResponse members(String coalition, LocalDate asOf, Instant knownAt) {
        return MembersOnDay.answer(coalition, asOf, knownAt, intervals.holdingOn(coalition, asOf, knownAt).stream()
                .map(row -> new PartyInterval(row.party(), row.toInterval())).toList());
    }
}
