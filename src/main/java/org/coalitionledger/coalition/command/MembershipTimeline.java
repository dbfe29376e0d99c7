package org.coalitionledger.coalition.command;

import org.coalitionledger.common.Timeline;

import java.util.List;

/**
 * One state's acts within one coalition and the rules they must obey together on the effective-date timeline.
 * Intervals are half-open: a member joining on J and leaving on L is a member on every day d with J ≤ d &lt; L.
 * A lead must be a member; intent is declared before joining; nobody joins twice or leaves without being a member.
 */
final class MembershipTimeline extends Timeline<MembershipTimeline.Kind> {

    /** The kinds of act, in the order they take effect when they fall on the same day. */
    enum Kind implements Timeline.Kind {
        LEAVE("departure"), INTENT("declaration of intent"), JOIN("join"), LEAD("lead designation");

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

    @Override
    protected void walk(List<Act<Kind>> timeline, Act<Kind> focus, String action) {
        Act<Kind> member = null;
        Act<Kind> intent = null;
        Act<Kind> lead = null;
        for (int i = 0; i < timeline.size(); i++) {
            Act<Kind> act = timeline.get(i);
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
                        Act<Kind> sameDayJoin = joinOnSameDay(timeline, i);
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
                throw refuse(act, focus, action, field, problem);
            }
        }
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
