package org.coalitionledger.coalition.query;

import org.coalitionledger.common.PartialDate;
import org.coalitionledger.common.Timeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Folds one party's acts in one coalition into intervals of intent, membership and lead, in effective-date order.
 * Intervals are half-open [start, end); an open interval has no end. The fold is lenient: the aggregate has already
 * refused acts that break the rules, so anything surprising is skipped rather than failed on.
 */
public final class MembershipFold {

    /** The kinds of act, in the order they take effect on the same day (as on the command side). */
    public enum Kind {
        LEAVE, INTENT, JOIN, LEAD
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
        for (Act act : timeline) {
            switch (act.kind()) {
                case INTENT -> {
                    if (member == null && intent == null) {
                        intent = act;
                    }
                }
                case JOIN -> {
                    if (member == null) {
                        if (intent != null) {
                            intervals.add(closed(MemberRole.INTENT, intent, act));
                            intent = null;
                        }
                        member = act;
                    }
                }
                case LEAD -> {
                    if (member != null && lead == null) {
                        lead = act;
                    }
                }
                case LEAVE -> {
                    if (member != null) {
                        intervals.add(closed(MemberRole.MEMBER, member, act));
                        if (lead != null) {
                            intervals.add(closed(MemberRole.LEAD, lead, act));
                        }
                        member = null;
                        lead = null;
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
        return intervals;
    }

    private static Interval closed(MemberRole role, Act from, Act to) {
        return new Interval(role, from.date(), from.recordId(), to.date(), to.recordId());
    }

    private static Interval open(MemberRole role, Act from) {
        return new Interval(role, from.date(), from.recordId(), null, null);
    }
}
