package org.coalitionledger.agreement.command;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.coalitionledger.agreement.event.AgreementRegistered;
import org.coalitionledger.agreement.event.AgreementSigned;
import org.coalitionledger.agreement.event.AgreementWithdrawn;
import org.coalitionledger.agreement.event.CommitmentStarts;
import org.coalitionledger.agreement.event.ConsentExpressed;
import org.coalitionledger.agreement.event.ConsentMeans;
import org.coalitionledger.agreement.event.EntryIntoForceRecorded;
import org.coalitionledger.agreement.event.EntryIntoForceRule;
import org.coalitionledger.agreement.event.WithdrawalNotified;
import org.coalitionledger.coalition.command.StubDirectory;
import org.coalitionledger.common.PartialDate;
import org.coalitionledger.common.Rejection;
import org.coalitionledger.common.Source;
import org.coalitionledger.config.ActTargetResolver;
import org.coalitionledger.correction.command.CorrectRecord;
import org.coalitionledger.correction.command.RecordRouting;
import org.coalitionledger.correction.command.RetractRecord;
import org.coalitionledger.correction.event.RecordCorrected;
import org.coalitionledger.correction.event.RecordRetracted;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;

/** The treaty rules of an agreement: consent to be bound, entry into force, notice of withdrawal. */
class AgreementTreatyTest {

    private static final String ID = "it-treaty";
    private static final String COALITION = "it-coalition";
    private static final Clock TODAY = Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC);
    private static final Source SOURCE = new Source("Treaty series", null, "Depositary", "2024-02-14", null);
    /** Commitments from entry into force, 90 days after the second consent; six months' notice. */
    private static final AgreementRegistered TREATY = new AgreementRegistered(
            "r0", ID, COALITION, "Treaty", "P6Y", null, SOURCE, null, CommitmentStarts.ENTRY_INTO_FORCE,
            new EntryIntoForceRule(2, "P90D"), "P6M");
    /** Commitments from entry into force, recorded by hand; no notice period. */
    private static final AgreementRegistered RECORDED = new AgreementRegistered(
            "r0", ID, COALITION, "Treaty", "P6Y", null, SOURCE, null, CommitmentStarts.ENTRY_INTO_FORCE,
            new EntryIntoForceRule(null, "P30D"), null);

    private FixtureConfiguration<Agreement> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Agreement.class);
        fixture.registerInjectableResource(new StubDirectory().withCoalition(COALITION, "2023-09"));
        fixture.registerInjectableResource(TODAY);
        fixture.registerCommandTargetResolver(new ActTargetResolver());
    }

    private static CommandMessage<?> toThisAgreement(Object command) {
        return RecordRouting.routed(command, "Agreement", ID);
    }

    private static AgreementSigned signed(String record, String party, String date) {
        return new AgreementSigned(record, ID, COALITION, party, PartialDate.parse(date), SOURCE, null);
    }

    private static ConsentExpressed consented(String record, String party, String date, ConsentMeans means) {
        return new ConsentExpressed(record, ID, COALITION, party, PartialDate.parse(date), means, SOURCE, null);
    }

    private static WithdrawalNotified notified(String record, String party, String date, String takesEffect) {
        return new WithdrawalNotified(record, ID, COALITION, party, PartialDate.parse(date),
                                      takesEffect == null ? null : PartialDate.parse(takesEffect), SOURCE, null);
    }

    private static ConsentToBeBound consent(String party, String date, String means, String record) {
        return new ConsentToBeBound(ID, party, date, means, SOURCE, null, record);
    }

    @Test
    void canRegisterAgreementWithTreatyRules() {
        fixture.givenNoPriorActivity()
               .when(new RegisterAgreement(ID, COALITION, "Treaty", "P6Y", null, SOURCE, null, "r0",
                                           "ENTRY_INTO_FORCE", new EntryIntoForceRule(2, "P90D"), "P6M"))
               .expectEvents(TREATY);
    }

    @Test
    void cannotRegisterAgreementWithUnknownCommitmentStart() {
        fixture.givenNoPriorActivity()
               .when(new RegisterAgreement(ID, COALITION, "Treaty", "P6Y", null, SOURCE, null, "r0",
                                           "RATIFICATION", null, null))
               .expectException(Rejection.class)
               .expectExceptionMessage(containsString("commitmentStarts 'RATIFICATION' must be SIGNATURE or"))
               .expectNoEvents();
    }

    @Test
    void cannotRegisterAgreementWithMalformedEntryIntoForceRule() {
        fixture.givenNoPriorActivity()
               .when(new RegisterAgreement(ID, COALITION, "Treaty", "P6Y", null, SOURCE, null, "r0", null,
                                           new EntryIntoForceRule(0, null), null))
               .expectException(Rejection.class)
               .expectExceptionMessage(containsString("entryIntoForce.afterConsents"))
               .expectNoEvents();
        fixture.givenNoPriorActivity()
               .when(new RegisterAgreement(ID, COALITION, "Treaty", "P6Y", null, SOURCE, null, "r0", null,
                                           new EntryIntoForceRule(2, "ninety days"), null))
               .expectException(Rejection.class)
               .expectExceptionMessage(containsString("entryIntoForce.delay"))
               .expectNoEvents();
    }

    @Test
    void cannotRegisterAgreementWithMalformedNoticePeriod() {
        fixture.givenNoPriorActivity()
               .when(new RegisterAgreement(ID, COALITION, "Treaty", "P6Y", null, SOURCE, null, "r0", null, null,
                                           "six months"))
               .expectException(Rejection.class)
               .expectExceptionMessage(containsString("withdrawalNotice"))
               .expectNoEvents();
    }

    @Test
    void canRatifyAfterSigning() {
        fixture.given(TREATY, signed("r1", "LV", "2024-02-14"))
               .when(consent("LV", "2024-06-01", "RATIFICATION", "r2"))
               .expectResultMessagePayload("r2")
               .expectEvents(consented("r2", "LV", "2024-06-01", ConsentMeans.RATIFICATION));
    }

    @Test
    void canRatifyOnTheDayOfSigning() {
        fixture.given(TREATY, signed("r1", "LV", "2024-02-14"))
               .when(consent("LV", "2024-02-14", "APPROVAL", "r2"))
               .expectEvents(consented("r2", "LV", "2024-02-14", ConsentMeans.APPROVAL));
    }

    @Test
    void cannotConsentWithoutSignature() {
        fixture.given(TREATY)
               .when(consent("LV", "2024-06-01", "RATIFICATION", "r1"))
               .expectException(Rejection.class)
               .expectExceptionMessage(containsString("needs a signature by Latvia (LV) on or before 2024-06-01"))
               .expectNoEvents();
    }

    @Test
    void cannotConsentBeforeSignature() {
        fixture.given(TREATY, signed("r1", "LV", "2024-07-01"))
               .when(consent("LV", "2024-06-01", "ACCEPTANCE", "r2"))
               .expectException(Rejection.class)
               .expectExceptionMessage(containsString("needs a signature"))
               .expectNoEvents();
    }

    @Test
    void canAccedeWithoutSignature() {
        fixture.given(TREATY)
               .when(consent("LV", "2024-06-01", "ACCESSION", "r1"))
               .expectEvents(consented("r1", "LV", "2024-06-01", ConsentMeans.ACCESSION));
    }

    @Test
    void cannotConsentByUnknownMeans() {
        fixture.given(TREATY)
               .when(consent("LV", "2024-06-01", "SIGNATURE", "r1"))
               .expectException(Rejection.class)
               .expectExceptionMessage(containsString("means 'SIGNATURE' must be RATIFICATION"))
               .expectNoEvents();
    }

    @Test
    void cannotConsentTwice() {
        fixture.given(TREATY, consented("r1", "LV", "2024-06-01", ConsentMeans.ACCESSION))
               .when(consent("LV", "2025-06-01", "ACCESSION", "r2"))
               .expectException(Rejection.class)
               .expectExceptionMessage(containsString("only after a withdrawal of it has taken effect"))
               .expectNoEvents();
    }

    @Test
    void cannotConsentAgainBeforeTheWithdrawalTakesEffect() {
        fixture.given(TREATY, consented("r1", "LV", "2024-06-01", ConsentMeans.ACCESSION),
                      notified("r2", "LV", "2025-01-10", null))
               .when(consent("LV", "2025-07-09", "ACCESSION", "r3"))
               .expectException(Rejection.class)
               .expectExceptionMessage(containsString("already consented"))
               .expectNoEvents();
    }

    @Test
    void canConsentAgainOnceTheWithdrawalHasTakenEffect() {
        fixture.given(TREATY, consented("r1", "LV", "2024-06-01", ConsentMeans.ACCESSION),
                      notified("r2", "LV", "2025-01-10", null))
               .when(consent("LV", "2025-07-10", "ACCESSION", "r3"))
               .expectEvents(consented("r3", "LV", "2025-07-10", ConsentMeans.ACCESSION));
    }

    @Test
    void canNotifyWithdrawalAfterConsent() {
        fixture.given(TREATY, consented("r1", "LV", "2024-06-01", ConsentMeans.ACCESSION))
               .when(new NotifyWithdrawal(ID, "LV", "2025-01-10", null, SOURCE, null, "r2"))
               .expectResultMessagePayload("r2")
               .expectEvents(notified("r2", "LV", "2025-01-10", null));
    }

    @Test
    void canNotifyWithdrawalTakingEffectLaterThanTheNoticePeriod() {
        fixture.given(TREATY, consented("r1", "LV", "2024-06-01", ConsentMeans.ACCESSION))
               .when(new NotifyWithdrawal(ID, "LV", "2025-01-10", "2026-12-31", SOURCE, null, "r2"))
               .expectEvents(notified("r2", "LV", "2025-01-10", "2026-12-31"));
    }

    @Test
    void cannotNotifyWithdrawalTakingEffectBeforeTheNoticePeriodEnds() {
        fixture.given(TREATY, consented("r1", "LV", "2024-06-01", ConsentMeans.ACCESSION))
               .when(new NotifyWithdrawal(ID, "LV", "2025-01-10", "2025-03-01", SOURCE, null, "r2"))
               .expectException(Rejection.class)
               .expectExceptionMessage(allOf(containsString("takesEffect 2025-03-01 is earlier"),
                                             containsString("not before 2025-07-10")))
               .expectNoEvents();
    }

    @Test
    void cannotNotifyWithdrawalWithoutTakesEffectWhenThereIsNoNoticePeriod() {
        fixture.given(RECORDED, consented("r1", "LV", "2024-06-01", ConsentMeans.ACCESSION))
               .when(new NotifyWithdrawal(ID, "LV", "2025-01-10", null, SOURCE, null, "r2"))
               .expectException(Rejection.class)
               .expectExceptionMessage(containsString("takesEffect is required"))
               .expectNoEvents();
    }

    @Test
    void canNotifyWithdrawalWithTakesEffectWhenThereIsNoNoticePeriod() {
        fixture.given(RECORDED, consented("r1", "LV", "2024-06-01", ConsentMeans.ACCESSION))
               .when(new NotifyWithdrawal(ID, "LV", "2025-01-10", "2025-02-01", SOURCE, null, "r2"))
               .expectEvents(notified("r2", "LV", "2025-01-10", "2025-02-01"));
    }

    @Test
    void cannotNotifyWithdrawalWithoutSignatureOrConsent() {
        fixture.given(TREATY)
               .when(new NotifyWithdrawal(ID, "LV", "2025-01-10", null, SOURCE, null, "r1"))
               .expectException(Rejection.class)
               .expectExceptionMessage(containsString("neither signed nor consented"))
               .expectNoEvents();
    }

    @Test
    void cannotNotifyWithdrawalTwice() {
        fixture.given(TREATY, consented("r1", "LV", "2024-06-01", ConsentMeans.ACCESSION),
                      notified("r2", "LV", "2025-01-10", null))
               .when(new NotifyWithdrawal(ID, "LV", "2025-02-10", null, SOURCE, null, "r3"))
               .expectException(Rejection.class)
               .expectExceptionMessage(containsString("already gave notice of withdrawal"))
               .expectNoEvents();
    }

    @Test
    void canWithdrawAfterAccession() {
        fixture.given(TREATY, consented("r1", "LV", "2024-06-01", ConsentMeans.ACCESSION))
               .when(new WithdrawFromAgreement(ID, "LV", "2025-01-10", SOURCE, null, "r2"))
               .expectEvents(new AgreementWithdrawn("r2", ID, COALITION, "LV", PartialDate.parse("2025-01-10"),
                                                    SOURCE, null));
    }

    @Test
    void cannotSignTwiceWhenCommitmentsStartOnEntryIntoForce() {
        AgreementRegistered oneYear = new AgreementRegistered(
                "r0", ID, COALITION, "Treaty", "P1Y", null, SOURCE, null, CommitmentStarts.ENTRY_INTO_FORCE, null,
                "P6M");
        fixture.given(oneYear, signed("r1", "LV", "2024-02-14"))
               .when(new SignAgreement(ID, "LV", "2026-05-01", SOURCE, null, "r2"))
               .expectException(Rejection.class)
               .expectExceptionMessage(containsString("already signed"))
               .expectNoEvents();
    }

    @Test
    void canRecordEntryIntoForce() {
        fixture.given(RECORDED)
               .when(new RecordEntryIntoForce(ID, "2024-09-01", SOURCE, null, "r1"))
               .expectResultMessagePayload("r1")
               .expectEvents(new EntryIntoForceRecorded("r1", ID, COALITION, PartialDate.parse("2024-09-01"),
                                                        SOURCE, null));
    }

    @Test
    void cannotRecordEntryIntoForceDerivedFromConsents() {
        fixture.given(TREATY)
               .when(new RecordEntryIntoForce(ID, "2024-09-01", SOURCE, null, "r1"))
               .expectException(Rejection.class)
               .expectException(exceptionWithReason(Rejection.Reason.CONFLICT))
               .expectExceptionMessage(containsString("entryIntoForce.afterConsents"))
               .expectNoEvents();
    }

    @Test
    void cannotRecordEntryIntoForceTwice() {
        fixture.given(RECORDED, new EntryIntoForceRecorded("r1", ID, COALITION, PartialDate.parse("2024-09-01"),
                                                           SOURCE, null))
               .when(new RecordEntryIntoForce(ID, "2024-10-01", SOURCE, null, "r2"))
               .expectException(Rejection.class)
               .expectExceptionMessage(containsString("entered into force on 2024-09-01"))
               .expectNoEvents();
    }

    @Test
    void cannotRecordEntryIntoForceBeforeCoalitionWasFormed() {
        fixture.given(RECORDED)
               .when(new RecordEntryIntoForce(ID, "2023-08", SOURCE, null, "r1"))
               .expectException(Rejection.class)
               .expectExceptionMessage(containsString("before it-coalition was formed"))
               .expectNoEvents();
    }

    @Test
    void canCorrectAndRetractEntryIntoForce() {
        EntryIntoForceRecorded entry = new EntryIntoForceRecorded("r1", ID, COALITION,
                                                                  PartialDate.parse("2024-09"), SOURCE, null);
        fixture.given(RECORDED, entry)
               .when(toThisAgreement(new CorrectRecord("r1", "2024-09-01", "the day", SOURCE, "c1")))
               .expectEvents(new RecordCorrected("c1", "r1", COALITION, ID, null, PartialDate.parse("2024-09-01"),
                                                 PartialDate.parse("2024-09"), "the day", SOURCE));
        fixture.given(RECORDED, entry)
               .when(toThisAgreement(new RetractRecord("r1", "wrong treaty", SOURCE, "c1")))
               .expectEvents(new RecordRetracted("c1", "r1", COALITION, ID, null, "wrong treaty", SOURCE));
    }

    @Test
    void canRecordEntryIntoForceAgainAfterRetraction() {
        fixture.given(RECORDED, new EntryIntoForceRecorded("r1", ID, COALITION, PartialDate.parse("2024-09-01"),
                                                           SOURCE, null),
                      new RecordRetracted("c1", "r1", COALITION, ID, null, "wrong treaty", SOURCE))
               .when(new RecordEntryIntoForce(ID, "2024-10-01", SOURCE, null, "r2"))
               .expectEvents(new EntryIntoForceRecorded("r2", ID, COALITION, PartialDate.parse("2024-10-01"),
                                                        SOURCE, null));
    }

    @Test
    void cannotCorrectSignatureToAfterTheRatification() {
        fixture.given(TREATY, signed("r1", "LV", "2024-02-14"),
                      consented("r2", "LV", "2024-06-01", ConsentMeans.RATIFICATION))
               .when(toThisAgreement(new CorrectRecord("r1", "2024-07-01", "misread", SOURCE, "c1")))
               .expectException(Rejection.class)
               .expectExceptionMessage(containsString("contradicts the consent recorded for 2024-06-01"))
               .expectNoEvents();
    }

    @Test
    void cannotRetractSignatureOfARatifiedParty() {
        fixture.given(TREATY, signed("r1", "LV", "2024-02-14"),
                      consented("r2", "LV", "2024-06-01", ConsentMeans.RATIFICATION))
               .when(toThisAgreement(new RetractRecord("r1", "misread", SOURCE, "c1")))
               .expectException(Rejection.class)
               .expectExceptionMessage(containsString("needs a signature"))
               .expectNoEvents();
    }

    private static org.hamcrest.Matcher<Rejection> exceptionWithReason(Rejection.Reason reason) {
        return new org.hamcrest.TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Rejection rejection) {
                return rejection.reason() == reason;
            }

            @Override
            public void describeTo(org.hamcrest.Description description) {
                description.appendText("a rejection for " + reason);
            }
        };
    }
}
