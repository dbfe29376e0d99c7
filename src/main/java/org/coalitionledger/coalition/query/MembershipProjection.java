package org.coalitionledger.coalition.query;

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
import org.coalitionledger.coalition.query.MembersResponse.Intending;
import org.coalitionledger.coalition.query.MembersResponse.Member;
import org.coalitionledger.coalition.query.MembershipFold.Interval;
import org.coalitionledger.coalition.query.MembershipFold.Kind;
import org.coalitionledger.coalition.query.MembershipRepositories.CoalitionViews;
import org.coalitionledger.coalition.query.MembershipRepositories.Intervals;
import org.coalitionledger.coalition.query.MembershipRepositories.MembershipActs;
import org.coalitionledger.common.Parties;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Membership of every coalition: who was a member, lead or intending party on any day. Each act re-folds the
 * intervals of its party; intervals that change are closed on the record-time axis ({@code knownUntil}) and their
 * successors opened, so the tables keep what the ledger said at every moment.
 */
@Component
@ProcessingGroup(MembershipProjection.GROUP)
public class MembershipProjection {

    public static final String GROUP = "membership";

    private final CoalitionViews coalitions;
    private final MembershipActs acts;
    private final Intervals intervals;

    MembershipProjection(CoalitionViews coalitions, MembershipActs acts, Intervals intervals) {
        this.coalitions = coalitions;
        this.acts = acts;
        this.intervals = intervals;
    }

    @EventHandler
    void on(CoalitionFormed event, @Timestamp Instant recordedAt) {
        coalitions.save(new CoalitionView(event, recordedAt));
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

    @ResetHandler
    void reset() {
        intervals.deleteAllInBatch();
        acts.deleteAllInBatch();
        coalitions.deleteAllInBatch();
    }

    private void record(Kind kind, PartyAct event, long sequence, Instant recordedAt) {
        acts.save(new MembershipActRow(event.recordId(), event.coalition(), event.party(), kind,
                                       event.effectiveDate(), sequence));
        coalitions.findById(event.coalition()).ifPresent(view -> view.recordAct(recordedAt));
        refresh(event.coalition(), event.party(), recordedAt);
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
    }

    @QueryHandler
    public Optional<MembersResponse> handle(FetchMembersQuery query) {
        if (!coalitions.existsById(query.coalition())) {
            return Optional.empty();
        }
        return Optional.of(members(query.coalition(), query.asOf()));
    }

    @QueryHandler
    public List<CoalitionSummary> handle(FindCoalitionsQuery query) {
        return coalitions.formedBy(query.asOf()).stream().map(view -> summary(view, query.asOf())).toList();
    }

    @QueryHandler
    public Optional<CoalitionSummary> handle(FetchCoalitionQuery query) {
        return coalitions.findById(query.coalition()).map(view -> summary(view, query.asOf()));
    }

    private CoalitionSummary summary(CoalitionView view, LocalDate asOf) {
        MembersResponse members = members(view.id(), asOf);
        List<String> leads = members.members().stream()
                .filter(member -> member.role() == Role.LEAD).map(Member::party).toList();
        return new CoalitionSummary(view.id(), view.name(), view.parentGroup(), view.focusAreas(),
                                    view.formedOn().text(), view.formedOn().precision(), members.members().size(),
                                    leads, view.actCount(), view.lastRecordedAt());
    }

    private MembersResponse members(String coalition, LocalDate asOf) {
        Map<Role, Map<String, IntervalRow>> holding = intervals.holdingOn(coalition, asOf).stream()
                .collect(Collectors.groupingBy(IntervalRow::role,
                                               Collectors.toMap(IntervalRow::party, Function.identity(),
                                                                (a, b) -> a)));
        Map<String, IntervalRow> leads = holding.getOrDefault(Role.LEAD, Map.of());
        List<Member> members = new ArrayList<>();
        holding.getOrDefault(Role.MEMBER, Map.of()).values().forEach(row -> members.add(new Member(
                row.party(), Parties.nameOf(row.party()), leads.containsKey(row.party()) ? Role.LEAD : Role.MEMBER,
                row.start().text(), row.start().precision())));
        members.sort(Comparator.comparing(Member::role, Comparator.reverseOrder()).thenComparing(Member::party));
        List<Intending> intending = holding.getOrDefault(Role.INTENT, Map.of()).values().stream()
                .map(row -> new Intending(row.party(), Parties.nameOf(row.party()), row.start().text(),
                                          row.start().precision()))
                .sorted(Comparator.comparing(Intending::party))
                .toList();
        return new MembersResponse(coalition, asOf, List.copyOf(members), intending);
    }
}
