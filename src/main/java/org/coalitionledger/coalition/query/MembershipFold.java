package org.coalitionledger.coalition.query;

import org.coalitionledger.common.PartialDate;
import org.coalitionledger.common.Timeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Folds one party's acts in one coalition into intervals of intent, observership, membership, suspension and lead,
 * in effective-date order. Membership and lead run from the join (designation) to the departure; a suspension is an
 * interval of its own over them, during which the answers list the party as suspended instead.
 * Intervals are half-open [start, end); an open interval has no end. The fold is lenient: the aggregate has already
 * refused acts that break the rules, so anything surprising is skipped rather than failed on.
 */
public final class MembershipFold {

    /** The kinds of act, in the order they take effect on the same day (as on the command side). */
    public enum Kind {
        LEAVE, REINSTATE, INTENT, OBSERVE, JOIN, SUSPEND, LEAD
    }

    public record Act(Kind kind, PartialDate date, String recordId, long order) {
    }

    public record Interval(MemberRole role, PartialDate start, String startRecordId, PartialDate end,
                           String endRecordId) {
    }

    /** Effective date, then kind, then recording order ({@link Timeline#effectiveOrder}). */
    private static final Comparator<Act> EFFECTIVE_ORDER =
            (a, b) -> Timeline.effectiveOrder(a.date(), a.kind(), a.order(), b.date(), b.kind(), b.order());

    private MembershipFold() {
    }

    public static List<Interval> fold(List<Act> acts) {
        List<Act> timeline = new ArrayList<>(acts);
        timeline.sort(EFFECTIVE_ORDER);
        List<Interval> intervals = new ArrayList<>();
        Act intent = null;
        Act member = null;
        Act lead = null;
        Act suspended = null;
        Act observer = null;
        for (Act act : timeline) {
            switch (act.kind()) {
                case INTENT -> {
                    if (member == null && intent == null) {
                        intent = act;
                    }
                }
                case OBSERVE -> {
                    if (member == null && observer == null) {
                        observer = act;
                    }
                }
                case JOIN -> {
                    if (member == null) {
                        if (intent != null) {
                            intervals.add(closed(MemberRole.INTENT, intent, act));
                            intent = null;
                        }
                        if (observer != null) {
                            intervals.add(closed(MemberRole.OBSERVER, observer, act));
                            observer = null;
                        }
                        member = act;
                    }
                }
                case LEAD -> {
                    if (member != null && lead == null && suspended == null) {
                        lead = act;
                    }
                }
                case SUSPEND -> {
                    if (member != null && suspended == null) {
                        suspended = act;
                    }
                }
                case REINSTATE -> {
                    if (suspended != null) {
                        intervals.add(closed(MemberRole.SUSPENDED, suspended, act));
                        suspended = null;
                    }
                }
                case LEAVE -> {
                    if (member != null) {
                        intervals.add(closed(MemberRole.MEMBER, member, act));
                        if (lead != null) {
                            intervals.add(closed(MemberRole.LEAD, lead, act));
                        }
                        if (suspended != null) {
                            intervals.add(closed(MemberRole.SUSPENDED, suspended, act));
                        }
                        member = null;
                        lead = null;
                        suspended = null;
                    } else if (observer != null) {
                        intervals.add(closed(MemberRole.OBSERVER, observer, act));
                        observer = null;
                    }
                }
            }
        }
        if (intent != null) {
            intervals.add(open(MemberRole.INTENT, intent));
        }
        if (member != null) {
            intervals.add(open(MemberRole.MEMBER, member));
        }
        if (lead != null) {
            intervals.add(open(MemberRole.LEAD, lead));
        }
        if (suspended != null) {
            intervals.add(open(MemberRole.SUSPENDED, suspended));
        }
        if (observer != null) {
            intervals.add(open(MemberRole.OBSERVER, observer));
        }
        return intervals;
    }

    private static Interval closed(MemberRole role, Act from, Act to) {
        return new Interval(role, from.date(), from.recordId(), to.date(), to.recordId());
    }

    private static Interval open(MemberRole role, Act from) {
        return new Interval(role, from.date(), from.recordId(), null, null);
    }
}
