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

    private static Interval interval(MemberRole role, String start, String startRecord, String end, String endRecord) {
        return new Interval(role, PartialDate.parse(start), startRecord, end == null ? null : PartialDate.parse(end),
                            endRecord);
    }

    @Test
    void suspensionLiesOverMembershipAndLeadWhichRunOnFromTheJoin() {
        List<Interval> intervals = MembershipFold.fold(List.of(
                act(Kind.REINSTATE, "2022-09", "r4", 3),
                act(Kind.JOIN, "2021-01-01", "r1", 0),
                act(Kind.LEAD, "2021-02-01", "r2", 1),
                act(Kind.SUSPEND, "[2022-03-01..2022-03-20]", "r3", 2),
                act(Kind.SUSPEND, "2023-01-01", "r5", 4),
                act(Kind.LEAVE, "2023-06-01", "r6", 5)));
        assertThat(intervals).containsExactly(
                interval(MemberRole.SUSPENDED, "[2022-03-01..2022-03-20]", "r3", "2022-09", "r4"),
                interval(MemberRole.MEMBER, "2021-01-01", "r1", "2023-06-01", "r6"),
                interval(MemberRole.LEAD, "2021-02-01", "r2", "2023-06-01", "r6"),
                interval(MemberRole.SUSPENDED, "2023-01-01", "r5", "2023-06-01", "r6"));
    }

    @Test
    void observerUntilItJoinsOrLeaves() {
        assertThat(MembershipFold.fold(List.of(
                act(Kind.JOIN, "2023-01-01", "r2", 1),
                act(Kind.OBSERVE, "[..2021-05-10]", "r1", 0))))
                .containsExactly(interval(MemberRole.OBSERVER, "[..2021-05-10]", "r1", "2023-01-01", "r2"),
                                 interval(MemberRole.MEMBER, "2023-01-01", "r2", null, null));
        assertThat(MembershipFold.fold(List.of(
                act(Kind.OBSERVE, "2021", "r1", 0),
                act(Kind.LEAVE, "2022-01-01", "r2", 1),
                act(Kind.OBSERVE, "2022-06-01", "r3", 2))))
                .containsExactly(interval(MemberRole.OBSERVER, "2021", "r1", "2022-01-01", "r2"),
                                 interval(MemberRole.OBSERVER, "2022-06-01", "r3", null, null));
    }
}
