package org.coalitionledger.coalition.query;

import org.coalitionledger.coalition.query.MembersResponse.Intending;
import org.coalitionledger.coalition.query.MembersResponse.Member;
import org.coalitionledger.coalition.query.MembershipFold.Interval;
import org.coalitionledger.common.PartialDate;
import org.coalitionledger.common.Parties;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the intervals that hold on a day into the members answer. Shared by the projection and by the replay, so
 * that both answer in the same words and differ only in where their intervals come from.
 */
public final class MembersOnDay {

    /** An interval of one party. */
    public record PartyInterval(String party, Interval interval) {
    }

    private MembersOnDay() {
    }

    public static MembersResponse answer(String coalition, LocalDate asOf, Instant knownAt,
                                         List<PartyInterval> holding) {
        Map<String, Interval> members = new HashMap<>();
        Map<String, Interval> leads = new HashMap<>();
        Map<String, Interval> intents = new HashMap<>();
        Map<String, Interval> suspensions = new HashMap<>();
        Map<String, Interval> observers = new HashMap<>();
        for (PartyInterval held : holding) {
            Interval interval = held.interval();
            if (!interval.start().start().isAfter(asOf)
                    && (interval.end() == null || interval.end().start().isAfter(asOf))) {
                switch (interval.role()) {
                    case MEMBER -> members.put(held.party(), interval);
                    case LEAD -> leads.put(held.party(), interval);
                    case INTENT -> intents.put(held.party(), interval);
                    case SUSPENDED -> suspensions.put(held.party(), interval);
                    case OBSERVER -> observers.put(held.party(), interval);
                }
            }
        }
        List<Member> memberList = new ArrayList<>();
        members.forEach((party, interval) -> {
            if (suspensions.containsKey(party)) {
                return;
            }
            Interval lead = leads.get(party);
            boolean certain = !interval.start().isUncertainOn(asOf)
                    && (lead == null || !lead.start().isUncertainOn(asOf));
            memberList.add(new Member(party, Parties.nameOf(party), lead == null ? MemberRole.MEMBER : MemberRole.LEAD,
                                      interval.start().text(), interval.start().precision(), certain));
        });
        memberList.sort(Comparator.comparing(Member::role, Comparator.reverseOrder()).thenComparing(Member::party));
        return new MembersResponse(coalition, asOf, knownAt, List.copyOf(memberList), listed(intents, asOf),
                                   listed(suspensions, asOf), listed(observers, asOf));
    }

    private static List<Intending> listed(Map<String, Interval> held, LocalDate asOf) {
        return held.entrySet().stream()
                .map(entry -> intending(entry.getKey(), entry.getValue().start(), asOf))
                .sorted(Comparator.comparing(Intending::party))
                .toList();
    }

    private static Intending intending(String party, PartialDate since, LocalDate asOf) {
        return new Intending(party, Parties.nameOf(party), since.text(), since.precision(),
                             !since.isUncertainOn(asOf));
    }
}
