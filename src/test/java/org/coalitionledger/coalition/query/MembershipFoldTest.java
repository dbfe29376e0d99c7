package org.coalitionledger.coalition.query;

import org.coalitionledger.coalition.query.MembershipFold.Act;
import org.coalitionledger.coalition.query.MembershipFold.Interval;
import org.coalitionledger.coalition.query.MembershipFold.Kind;
import org.coalitionledger.common.PartialDate;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MembershipFoldTest {

    private static Act act(Kind kind, String date, String record, long order) {
        return new Act(kind, PartialDate.parse(date), record, order);
    }

    @Test
    void intentUntilJoinThenMembershipAndLeadUntilDeparture() {
        List<Interval> intervals = MembershipFold.fold(List.of(
                act(Kind.LEAVE, "2024-09-01", "r4", 3),
                act(Kind.INTENT, "2023", "r1", 0),
                act(Kind.LEAD, "2024-02-14", "r3", 2),
                act(Kind.JOIN, "2024-01", "r2", 1)));
        assertThat(intervals).containsExactly(
                new Interval(MemberRole.INTENT, PartialDate.parse("2023"), "r1", PartialDate.parse("2024-01"), "r2"),
                new Interval(MemberRole.MEMBER, PartialDate.parse("2024-01"), "r2", PartialDate.parse("2024-09-01"),
                             "r4"),
                new Interval(MemberRole.LEAD, PartialDate.parse("2024-02-14"), "r3", PartialDate.parse("2024-09-01"),
                             "r4"));
    }

    @Test
    void rejoiningOnTheDayOfLeavingOpensANewInterval() {
        List<Interval> intervals = MembershipFold.fold(List.of(
                act(Kind.JOIN, "2024-06-01", "r3", 2),
                act(Kind.JOIN, "2020-01-01", "r1", 0),
                act(Kind.LEAVE, "2024-06-01", "r2", 1)));
        assertThat(intervals).containsExactly(
                new Interval(MemberRole.MEMBER, PartialDate.parse("2020-01-01"), "r1", PartialDate.parse("2024-06-01"),
                             "r2"),
                new Interval(MemberRole.MEMBER, PartialDate.parse("2024-06-01"), "r3", null, null));
    }
}
