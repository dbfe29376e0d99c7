package org.coalitionledger.agreement.query;

import org.coalitionledger.agreement.query.CommitmentFold.Act;
import org.coalitionledger.agreement.query.CommitmentFold.Kind;
import org.coalitionledger.common.PartialDate;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CommitmentFoldTest {

    private static Act act(Kind kind, String date, String record, long order) {
        return new Act(kind, PartialDate.parse(date), record, order);
    }

    @Test
    void signatureCommitsForTheTermFromItsDate() {
        assertThat(CommitmentFold.fold(List.of(act(Kind.SIGN, "2024-02-14", "r1", 0)), Period.ofYears(6)))
                .containsExactly(new CommitmentFold.CommitmentPeriod(PartialDate.parse("2024-02-14"), "r1",
                                                           LocalDate.of(2030, 2, 14), null, null));
    }

    @Test
    void withoutATermACommitmentIsOpenEndedUntilAWithdrawal() {
        assertThat(CommitmentFold.fold(List.of(act(Kind.SIGN, "2024-02-14", "r1", 0)), null))
                .containsExactly(new CommitmentFold.CommitmentPeriod(PartialDate.parse("2024-02-14"), "r1", null,
                                                                     null, null));
        assertThat(CommitmentFold.fold(List.of(act(Kind.SIGN, "2024-02-14", "r1", 0),
                                               act(Kind.WITHDRAW, "2060-01-01", "r2", 1)), null))
                .containsExactly(new CommitmentFold.CommitmentPeriod(PartialDate.parse("2024-02-14"), "r1", null,
                                                                     PartialDate.parse("2060-01-01"), "r2"));
    }

    @Test
    void anOpenEndedCommitmentIsActiveWithNoEndAndNoCountOfDays() {
        CommitmentFold.CommitmentPeriod open = new CommitmentFold.CommitmentPeriod(PartialDate.parse("2024-02"),
                                                                                    "r1", null, null, null);
        Commitment commitment = Commitment.on(LocalDate.of(2090, 1, 1), "a", "c", "LV", open, null);
        assertThat(commitment.status()).isEqualTo(Status.ACTIVE);
        assertThat(commitment.end()).isNull();
        assertThat(commitment.daysRemaining()).isNull();
        assertThat(commitment.certain()).isTrue();
        assertThat(Commitment.on(LocalDate.of(2024, 2, 10), "a", "c", "LV", open, null).certain()).isFalse();
    }

    @Test
    void withdrawalEndsTheRunningCommitmentAndANewSignatureStartsAnother() {
        List<CommitmentFold.CommitmentPeriod> periods = CommitmentFold.fold(List.of(
                act(Kind.SIGN, "2026", "r3", 2),
                act(Kind.WITHDRAW, "2025-03-01", "r2", 1),
                act(Kind.SIGN, "2024-02", "r1", 0)), Period.ofYears(6));
        assertThat(periods).containsExactly(
                new CommitmentFold.CommitmentPeriod(PartialDate.parse("2024-02"), "r1", LocalDate.of(2030, 2, 1),
                                          PartialDate.parse("2025-03-01"), "r2"),
                new CommitmentFold.CommitmentPeriod(PartialDate.parse("2026"), "r3", LocalDate.of(2032, 1, 1), null,
                                                    null));
    }
}
