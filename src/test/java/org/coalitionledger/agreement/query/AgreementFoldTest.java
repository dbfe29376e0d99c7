package org.coalitionledger.agreement.query;

import org.coalitionledger.agreement.query.CommitmentFold.Act;
import org.coalitionledger.agreement.query.CommitmentFold.CommitmentPeriod;
import org.coalitionledger.agreement.query.CommitmentFold.Kind;
import org.coalitionledger.common.PartialDate;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AgreementFoldTest {

    /** Commitments for six years from entry into force, 90 days after the second consent; six months' notice. */
    private static final AgreementFold.Rule AFTER_TWO = new AgreementFold.Rule(
            true, Period.ofYears(6), 2, Period.ofDays(90), Period.ofMonths(6));
    /** Commitments from entry into force, recorded; a consent after it puts its party in force 30 days later. */
    private static final AgreementFold.Rule RECORDED = new AgreementFold.Rule(
            true, Period.ofYears(6), null, Period.ofDays(30), null);

    private static long order;

    private static Act act(Kind kind, String party, String date) {
        return new Act(kind, PartialDate.parse(date), kind + "-" + party + "-" + date, order++, party,
                       kind == Kind.CONSENT ? "RATIFICATION" : null, null);
    }

    private static Act notice(String party, String date, String takesEffect) {
        return new Act(Kind.NOTICE, PartialDate.parse(date), "N-" + party, order++, party, null,
                       takesEffect == null ? null : PartialDate.parse(takesEffect));
    }

    @Test
    void entryIntoForceIsTheDayOfTheNthConsentPlusTheDelay() {
        AgreementFold.Result result = AgreementFold.fold(AFTER_TWO, List.of(
                act(Kind.CONSENT, "LV", "2024-05-01"), act(Kind.CONSENT, "EE", "2024-03-01"),
                act(Kind.CONSENT, "LT", "2024-07-01")));
        assertThat(result.entryIntoForce()).isEqualTo(PartialDate.parse("2024-07-30"));
        assertThat(result.tenures().get("EE").get(0).inForceFrom()).isEqualTo(PartialDate.parse("2024-07-30"));
        assertThat(result.tenures().get("LV").get(0).inForceFrom()).isEqualTo(PartialDate.parse("2024-07-30"));
        assertThat(result.tenures().get("LT").get(0).inForceFrom()).isEqualTo(PartialDate.parse("2024-07-30"));
    }

    @Test
    void aConsentAfterTheGeneralDateIsInForceAfterTheDelay() {
        AgreementFold.Result result = AgreementFold.fold(RECORDED, List.of(
                act(Kind.ENTRY, null, "2024-09"), act(Kind.CONSENT, "EE", "2024-03-01"),
                act(Kind.CONSENT, "LV", "2024-10-15")));
        assertThat(result.tenures().get("EE").get(0).inForceFrom()).isEqualTo(PartialDate.parse("2024-09"));
        assertThat(result.tenures().get("LV").get(0).inForceFrom()).isEqualTo(PartialDate.parse("2024-11-14"));
    }

    @Test
    void withoutADelayALateConsentIsInForceOnItsOwnDay() {
        AgreementFold.Rule noDelay = new AgreementFold.Rule(true, Period.ofYears(6), null, null, null);
        AgreementFold.Result result = AgreementFold.fold(noDelay, List.of(
                act(Kind.ENTRY, null, "2024-09-01"), act(Kind.CONSENT, "LV", "2024-10")));
        assertThat(result.tenures().get("LV").get(0).inForceFrom()).isEqualTo(PartialDate.parse("2024-10"));
    }

    @Test
    void commitmentRunsFromEntryIntoForceAndEndsWhenTheWithdrawalTakesEffect() {
        List<Act> acts = List.of(act(Kind.SIGN, "LV", "2024-01-10"), act(Kind.CONSENT, "LV", "2024-05-01"),
                                 act(Kind.CONSENT, "EE", "2024-07-01"), notice("LV", "2025-01-10", null));
        assertThat(AgreementFold.commitments(AFTER_TWO, acts).get("LV")).containsExactly(new CommitmentPeriod(
                PartialDate.parse("2024-09-29"), "CONSENT-LV-2024-05-01", LocalDate.of(2030, 9, 29),
                PartialDate.parse("2025-07-10"), "N-LV"));
        assertThat(AgreementFold.commitments(AFTER_TWO, acts).get("EE")).containsExactly(new CommitmentPeriod(
                PartialDate.parse("2024-09-29"), "CONSENT-EE-2024-07-01", LocalDate.of(2030, 9, 29), null, null));
    }

    @Test
    void withoutATermACommitmentFromEntryIntoForceIsOpenEndedUntilTheWithdrawalTakesEffect() {
        AgreementFold.Rule open = AgreementFold.Rule.of("ENTRY_INTO_FORCE", null, 1, null, "P6M");
        assertThat(open.term()).isNull();
        List<Act> acts = List.of(act(Kind.CONSENT, "EE", "2024-03-01"), act(Kind.CONSENT, "LV", "2024-05-01"),
                                 notice("LV", "2040-01-10", null));
        assertThat(AgreementFold.commitments(open, acts).get("EE")).containsExactly(new CommitmentPeriod(
                PartialDate.parse("2024-03-01"), "CONSENT-EE-2024-03-01", null, null, null));
        assertThat(AgreementFold.commitments(open, acts).get("LV")).containsExactly(new CommitmentPeriod(
                PartialDate.parse("2024-05-01"), "CONSENT-LV-2024-05-01", null, PartialDate.parse("2040-07-10"),
                "N-LV"));
    }

    @Test
    void noCommitmentBeforeEntryIntoForce() {
        List<Act> acts = List.of(act(Kind.SIGN, "LV", "2024-01-10"), act(Kind.CONSENT, "LV", "2024-05-01"));
        assertThat(AgreementFold.commitments(AFTER_TWO, acts).get("LV")).isEmpty();
    }

    @Test
    void aNoticeEndsACommitmentFromTheSignatureWhenItTakesEffect() {
        AgreementFold.Rule fromSignature = new AgreementFold.Rule(false, Period.ofYears(6), null, null,
                                                                  Period.ofMonths(6));
        List<Act> acts = List.of(act(Kind.SIGN, "LV", "2024-01-10"), notice("LV", "2025-01-10", "2025-12-31"));
        assertThat(AgreementFold.commitments(fromSignature, acts).get("LV")).containsExactly(new CommitmentPeriod(
                PartialDate.parse("2024-01-10"), "SIGN-LV-2024-01-10", LocalDate.of(2030, 1, 10),
                PartialDate.parse("2025-12-31"), "N-LV"));
    }

    @Test
    void partiesStandOnTheDayAskedAbout() {
        List<Act> acts = List.of(act(Kind.SIGN, "LV", "2024-01-10"), act(Kind.CONSENT, "LV", "2024-05-01"),
                                 act(Kind.SIGN, "LT", "2024-02"), act(Kind.CONSENT, "EE", "2024-07-01"),
                                 notice("EE", "2025-01-10", null));
        PartiesResponse before = PartiesResponse.on("t", LocalDate.of(2024, 8, 1), Instant.EPOCH, AFTER_TWO, acts);
        assertThat(before.entryIntoForce()).isNull();
        assertThat(before.parties()).extracting(PartiesResponse.Party::party, PartiesResponse.Party::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("EE", PartyStatus.CONSENTED),
                                 org.assertj.core.groups.Tuple.tuple("LT", PartyStatus.SIGNATORY),
                                 org.assertj.core.groups.Tuple.tuple("LV", PartyStatus.CONSENTED));
        PartiesResponse inForce = PartiesResponse.on("t", LocalDate.of(2024, 10, 1), Instant.EPOCH, AFTER_TWO, acts);
        assertThat(inForce.entryIntoForce()).isEqualTo(new PartiesResponse.EntryIntoForce(
                "2024-09-29", org.coalitionledger.common.Precision.DAY, true));
        assertThat(inForce.parties().get(2)).isEqualTo(new PartiesResponse.Party(
                "LV", "Latvia", PartyStatus.PARTY, "2024-01-10", "2024-05-01",
                org.coalitionledger.agreement.event.ConsentMeans.RATIFICATION, "2024-09-29", null, null, true));
        PartiesResponse noticed = PartiesResponse.on("t", LocalDate.of(2025, 2, 1), Instant.EPOCH, AFTER_TWO, acts);
        assertThat(noticed.parties().get(0).status()).isEqualTo(PartyStatus.WITHDRAWAL_NOTIFIED);
        assertThat(noticed.parties().get(0).withdrawalTakesEffect()).isEqualTo("2025-07-10");
        assertThat(noticed.parties().get(1).certain()).isTrue();
        PartiesResponse feb = PartiesResponse.on("t", LocalDate.of(2024, 2, 10), Instant.EPOCH, AFTER_TWO, acts);
        assertThat(feb.parties().get(0).party()).isEqualTo("LT");
        assertThat(feb.parties().get(0).certain()).isFalse();
        PartiesResponse gone = PartiesResponse.on("t", LocalDate.of(2025, 7, 10), Instant.EPOCH, AFTER_TWO, acts);
        assertThat(gone.parties().get(0).status()).isEqualTo(PartyStatus.WITHDRAWN);
    }
}
