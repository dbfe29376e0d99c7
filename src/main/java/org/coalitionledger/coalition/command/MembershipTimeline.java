package org.coalitionledger.coalition.command;

import org.coalitionledger.common.PartialDate;
import org.coalitionledger.common.Parties;
import org.coalitionledger.common.Rejection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One state's acts within one coalition, in effective-date order, and the rules they must obey together.
 * Acts may be recorded late and out of order, so a new act is checked by placing it on the whole timeline and
 * walking it from the start: the rules hold on the effective-date timeline, not in recording order.
 * Intervals are half-open: a member joining on J and leaving on L is a member on every day d with J ≤ d &lt; L.
 */
final class MembershipTimeline {

    /** The kinds of act, in the order they take effect when they fall on the same day. */
    enum Kind {
        LEAVE("departure"), INTENT("declaration of intent"), JOIN("join"), LEAD("lead designation");

        private final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    record Act(Kind kind, PartialDate date, String recordId, long order) {
    }

    private static final Comparator<Act> EFFECTIVE_ORDER = Comparator
            .comparing((Act act) -> act.date().start())
            .thenComparing(Act::kind)
            .thenComparingLong(Act::order);

    private final String coalition;
    private final String party;
    private final List<Act> acts = new ArrayList<>();

    MembershipTimeline(String coalition, String party) {
        this.coalition = coalition;
        this.party = party;
    }

    void add(Act act) {
        acts.add(act);
    }

    /**
     * Throws a {@link Rejection} when {@code candidate} cannot join the timeline: when it breaks a rule itself, or
     * when it would make an act already recorded break one.
     */
    void check(Act candidate) {
        List<Act> timeline = new ArrayList<>(acts);
        timeline.add(candidate);
        walk(timeline, candidate, "this " + candidate.kind().label + " dated " + candidate.date());
    }

    /** Throws a {@link Rejection} when moving the act {@code recordId} to {@code date} would break a rule. */
    void checkCorrection(String recordId, PartialDate date) {
        Act old = find(recordId);
        Act moved = new Act(old.kind(), date, recordId, old.order());
        List<Act> timeline = new ArrayList<>(acts);
        timeline.set(timeline.indexOf(old), moved);
        walk(timeline, moved, "correcting the " + old.kind().label + " of " + old.date() + " to " + date);
    }

    /** Throws a {@link Rejection} when taking the act {@code recordId} away would break a rule. */
    void checkRetraction(String recordId) {
        Act old = find(recordId);
        List<Act> timeline = new ArrayList<>(acts);
        timeline.remove(old);
        walk(timeline, null, "retracting the " + old.kind().label + " of " + old.date());
    }

    void correct(String recordId, PartialDate date) {
        Act old = find(recordId);
        acts.set(acts.indexOf(old), new Act(old.kind(), date, recordId, old.order()));
    }

    void retract(String recordId) {
        acts.remove(find(recordId));
    }

    /** The kind and date of an act of this timeline. */
    Act find(String recordId) {
        return acts.stream().filter(act -> act.recordId().equals(recordId)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no act " + recordId + " of " + party));
    }

    private void walk(List<Act> timeline, Act focus, String action) {
        timeline.sort(EFFECTIVE_ORDER);

        Act member = null;
        Act intent = null;
        Act lead = null;
        for (int i = 0; i < timeline.size(); i++) {
            Act act = timeline.get(i);
            String problem = null;
            String field = "party";
            switch (act.kind()) {
                case INTENT -> {
                    if (member != null) {
                        problem = who() + " is already a member of " + coalition + " on " + act.date()
                                + " (joined " + member.date() + "); intent is declared before joining";
                    } else if (intent != null) {
                        problem = who() + " already declared intent to join " + coalition + " on " + intent.date();
                    } else {
                        intent = act;
                    }
                }
                case JOIN -> {
                    if (member != null) {
                        problem = who() + " is already a member of " + coalition + " on " + act.date()
                                + " (joined " + member.date() + ")";
                    } else {
                        member = act;
                        intent = null;
                    }
                }
                case LEAVE -> {
                    if (member == null) {
                        Act sameDayJoin = joinOnSameDay(timeline, i);
                        if (sameDayJoin != null) {
                            field = "effectiveDate";
                            problem = who() + " joined " + coalition + " on " + sameDayJoin.date()
                                    + "; a departure must come after the join";
                        } else {
                            problem = who() + " is not a member of " + coalition + " on " + act.date();
                        }
                    } else {
                        member = null;
                        lead = null;
                    }
                }
                case LEAD -> {
                    if (member == null) {
                        problem = "a lead must be a member: " + who() + " is not a member of " + coalition + " on "
                                + act.date();
                    } else if (lead != null) {
                        problem = who() + " is already a lead of " + coalition + " since " + lead.date();
                    } else {
                        lead = act;
                    }
                }
            }
            if (problem != null) {
                if (act == focus) {
                    throw Rejection.conflict(field, problem);
                }
                throw Rejection.conflict(focus == null ? "recordId" : "effectiveDate", action
                        + " contradicts the " + act.kind().label + " recorded for " + act.date()
                        + " (record " + act.recordId() + "): " + problem);
            }
        }
    }

    private static Act joinOnSameDay(List<Act> timeline, int index) {
        Act leave = timeline.get(index);
        for (int j = index + 1; j < timeline.size(); j++) {
            Act next = timeline.get(j);
            if (!next.date().start().equals(leave.date().start())) {
                return null;
            }
            if (next.kind() == Kind.JOIN) {
                return next;
            }
        }
        return null;
    }

    private String who() {
        return Parties.nameOf(party) + " (" + party + ")";
    }

    /** Equal when it holds the same acts for the same party (Axon's test fixture compares aggregate state). */
    @Override
    public boolean equals(Object other) {
        return other instanceof MembershipTimeline that && coalition.equals(that.coalition) && party.equals(that.party)
                && acts.equals(that.acts);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(coalition, party, acts);
    }
}
