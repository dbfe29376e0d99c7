package org.coalitionledger.coalition.command;

import org.coalitionledger.common.Timeline;

import java.util.List;

/**
 * One state's acts within one coalition and the rules they must obey together on the effective-date timeline.
 * Intervals are half-open: a member joining on J and leaving on L is a member on every day d with J ≤ d &lt; L.
 * A lead must be a member and not suspended; intent is declared before joining; nobody joins twice or leaves without
 * being a member or an observer; only a member can be suspended, only a suspended member reinstated (a lead is one
 * again); a member cannot be admitted as an observer, nor an observer twice; joining ends observership.
 */
final class MembershipTimeline extends Timeline<MembershipTimeline.Kind> {

    /**
     * The kinds of act, in the order they take effect when they fall on the same day: a state may rejoin or become an
     * observer on the day it left; a reinstatement needs a suspension on an earlier day; a state suspended on a day
     * cannot be designated lead that day.
     */
    enum Kind implements Timeline.Kind {
        LEAVE("departure"), REINSTATE("reinstatement"), INTENT("declaration of intent"),
        OBSERVE("admission as observer"), JOIN("join"), SUSPEND("suspension"), LEAD("lead designation");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }

    private final String coalition;

    MembershipTimeline(String coalition, String party) {
        super(party);
        this.coalition = coalition;
    }

    /** Where the party stands while the timeline is walked. */
    private static final class Standing {
        Act<Kind> member;
        Act<Kind> intent;
        Act<Kind> lead;
        Act<Kind> suspended;
        Act<Kind> observer;
    }

    @Override
    protected void walk(List<Act<Kind>> timeline, Act<Kind> focus, String action) {
        Standing now = new Standing();
        for (int i = 0; i < timeline.size(); i++) {
            Act<Kind> act = timeline.get(i);
            String field = "party";
            String problem = switch (act.kind()) {
                case INTENT -> intent(now, act);
                case OBSERVE -> observe(now, act);
                case JOIN -> join(now, act);
                case LEAD -> lead(now, act);
                case SUSPEND -> suspend(now, act);
                case REINSTATE -> reinstate(now, act);
                case LEAVE -> {
                    Act<Kind> sameDayJoin = now.member == null && now.observer == null
                            ? joinOnSameDay(timeline, i) : null;
                    if (sameDayJoin != null) {
                        field = "effectiveDate";
                        yield who() + " joined " + coalition + " on " + sameDayJoin.date()
                                + "; a departure must come after the join";
                    }
                    yield leave(now, act);
                }
            };
            if (problem != null) {
                throw refuse(act, focus, action, field, problem);
            }
        }
    }

    private String intent(Standing now, Act<Kind> act) {
        if (now.member != null) {
            return who() + " is already a member of " + coalition + " on " + act.date() + " (joined "
                    + now.member.date() + "); intent is declared before joining";
        }
        if (now.intent != null) {
            return who() + " already declared intent to join " + coalition + " on " + now.intent.date();
        }
        now.intent = act;
        return null;
    }

    private String observe(Standing now, Act<Kind> act) {
        if (now.member != null) {
            return "a member cannot be admitted as an observer: " + who() + " is a member of " + coalition + " on "
                    + act.date() + " (joined " + now.member.date() + ")";
        }
        if (now.observer != null) {
            return who() + " is already an observer of " + coalition + " since " + now.observer.date();
        }
        now.observer = act;
        return null;
    }

    private String join(Standing now, Act<Kind> act) {
        if (now.member != null) {
            return who() + " is already a member of " + coalition + " on " + act.date() + " (joined "
                    + now.member.date() + ")";
        }
        now.member = act;
        now.intent = null;
        now.observer = null;
        return null;
    }

    private String lead(Standing now, Act<Kind> act) {
        if (now.member == null) {
            return "a lead must be a member: " + who() + " is not a member of " + coalition + " on " + act.date();
        }
        if (now.suspended != null) {
            return "a suspended member cannot be designated lead: " + who() + " is suspended from " + coalition
                    + " since " + now.suspended.date();
        }
        if (now.lead != null) {
            return who() + " is already a lead of " + coalition + " since " + now.lead.date();
        }
        now.lead = act;
        return null;
    }

    private String suspend(Standing now, Act<Kind> act) {
        if (now.member == null) {
            return "only a member can be suspended: " + who() + " is not a member of " + coalition + " on "
                    + act.date();
        }
        if (now.suspended != null) {
            return who() + " is already suspended from " + coalition + " since " + now.suspended.date();
        }
        now.suspended = act;
        return null;
    }

    private String reinstate(Standing now, Act<Kind> act) {
        if (now.suspended == null) {
            return "only a suspended member can be reinstated: " + who() + " is not suspended from " + coalition
                    + " on " + act.date();
        }
        now.suspended = null;
        return null;
    }

    private String leave(Standing now, Act<Kind> act) {
        if (now.member != null) {
            now.member = null;
            now.lead = null;
            now.suspended = null;
            return null;
        }
        if (now.observer != null) {
            now.observer = null;
            return null;
        }
        return who() + " is not a member of " + coalition + " on " + act.date() + ", nor an observer";
    }

    private static Act<Kind> joinOnSameDay(List<Act<Kind>> timeline, int index) {
        Act<Kind> leave = timeline.get(index);
        for (int j = index + 1; j < timeline.size(); j++) {
            Act<Kind> next = timeline.get(j);
            if (!next.date().start().equals(leave.date().start())) {
                return null;
            }
            if (next.kind() == Kind.JOIN) {
                return next;
            }
        }
        return null;
    }
}
