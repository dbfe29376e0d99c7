package org.coalitionledger.agreement.command;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.coalitionledger.agreement.event.AgreementRegistered;
import org.coalitionledger.agreement.event.AgreementSigned;
import org.coalitionledger.agreement.event.AgreementWithdrawn;
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

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.not;

class AgreementTest {

    private static final String ID = "it-agreement";
    private static final String COALITION = "it-coalition";
    /** The day these tests are run on, as far as the aggregate knows: "the future" starts after it. */
    private static final Clock TODAY = Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC);
    private static final Source SOURCE = new Source("Report", null, "Ukrinform", "2024-02-14", null);
    private static final AgreementRegistered REGISTERED = new AgreementRegistered(
            "r0", ID, COALITION, "Cooperation agreement", "P6Y", null, SOURCE, null);

    private FixtureConfiguration<Agreement> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Agreement.class);
        fixture.registerInjectableResource(new StubDirectory().withCoalition(COALITION, "2023-09"));
        fixture.registerInjectableResource(TODAY);
        fixture.registerCommandTargetResolver(new ActTargetResolver());
    }

    /** A correction or retraction as {@link RecordRouting} sends it to this agreement. */
    private static CommandMessage<?> toThisAgreement(Object command) {
        return RecordRouting.routed(command, "Agreement", ID);
    }

    private static AgreementSigned signed(String record, String party, String date) {
        return new AgreementSigned(record, ID, COALITION, party, PartialDate.parse(date), SOURCE, null);
    }

    private static AgreementWithdrawn withdrawn(String record, String party, String date) {
        return new AgreementWithdrawn(record, ID, COALITION, party, PartialDate.parse(date), SOURCE, null);
    }

    @Test
    void canRegisterAgreement() {
        fixture.givenNoPriorActivity()
               .when(new RegisterAgreement(ID, COALITION, "Cooperation agreement", "P6Y", null, SOURCE, null, "r0"))
               .expectEvents(REGISTERED);
    }

    @Test
    void registerWithoutTermIsOpenEnded() {
        fixture.givenNoPriorActivity()
               .when(new RegisterAgreement(ID, COALITION, "Open agreement", null, null, SOURCE, null, "r0"))
               .expectEvents(new AgreementRegistered("r0", ID, COALITION, "Open agreement", null, null, SOURCE,
                                                     null));
    }

    @Test
    void cannotSignAgainWhileAnOpenEndedCommitmentStands() {
        fixture.given(new AgreementRegistered("r0", ID, COALITION, "Open agreement", null, null, SOURCE, null),
                      signed("r1", "LV", "2024-02-14"))
               .when(new SignAgreement(ID, "LV", "2026-01-01", SOURCE, null, "r2"))
               .expectException(Rejection.class)
               .expectExceptionMessage(both(containsString("already signed it-agreement on 2024-02-14"))
                                               .and(not(containsString("committed until"))))
               .expectNoEvents();
    }

    @Test
    void canWithdrawFromAnOpenEndedCommitmentYearsLater() {
        fixture.given(new AgreementRegistered("r0", ID, COALITION, "Open agreement", null, null, SOURCE, null),
                      signed("r1", "LV", "2024-02-14"))
               .when(new WithdrawFromAgreement(ID, "LV", "2026-05-01", SOURCE, null, "r2"))
               .expectEvents(withdrawn("r2", "LV", "2026-05-01"));
    }

    @Test
    void cannotRegisterAgreementOfUnknownCoalition() {
        fixture.givenNoPriorActivity()
               .when(new RegisterAgreement(ID, "no-such", "Cooperation agreement", "P6Y", null, SOURCE, null, "r0"))
               .expectException(Rejection.class)
               .expectExceptionMessage(containsString("unknown coalition 'no-such'"))
               .expectNoEvents();
    }

    @Test
    void cannotRegisterAgreementWithMalformedTerm() {
        fixture.givenNoPriorActivity()
               .when(new RegisterAgreement(ID, COALITION, "Agreement", "six years", null, SOURCE, null, "r0"))
               .expectException(Rejection.class)
               .expectExceptionMessage(containsString("ISO-8601 period"))
               .expectNoEvents();
        fixture.givenNoPriorActivity()
               .when(new RegisterAgreement(ID, COALITION, "Agreement", "P0D", null, SOURCE, null, "r0"))
               .expectException(Rejection.class)
               .expectExceptionMessage(containsString("longer than zero"))
               .expectNoEvents();
    }

    @Test
    void cannotRegisterAgreementUnderTakenId() {
        FixtureConfiguration<Agreement> taken = new AggregateTestFixture<>(Agreement.class);
        taken.registerInjectableResource(new StubDirectory().withCoalition(COALITION, "2023").withTaken(ID));
        taken.registerInjectableResource(TODAY);
        taken.givenNoPriorActivity()
               .when(new RegisterAgreement(ID, COALITION, "Agreement", "P6Y", null, SOURCE, null, "r0"))
               .expectException(Rejection.class)
               .expectExceptionMessage(containsString("already used"));
    }

    @Test
    void canSignAgreement() {
        fixture.given(REGISTERED)
               .when(new SignAgreement(ID, "LV", "2024-02-14", SOURCE, null, "r1"))
               .expectResultMessagePayload("r1")
               .expectEvents(signed("r1", "LV", "2024-02-14"));
    }

    @Test
    void cannotSignTwiceWhileCommitted() {
        fixture.given(REGISTERED, signed("r1", "LV", "2024-02-14"))
               .when(new SignAgreement(ID, "LV", "2025-01-01", SOURCE, null, "r2"))
               .expectException(Rejection.class)
               .expectExceptionMessage(containsString("committed until 2030-02-14"))
               .expectNoEvents();
    }

    @Test
    void canSignAgainAfterWithdrawal() {
        fixture.given(REGISTERED, signed("r1", "LV", "2024-02-14"), withdrawn("r2", "LV", "2025-01-01"))
               .when(new SignAgreement(ID, "LV", "2025-06-01", SOURCE, null, "r3"))
               .expectEvents(signed("r3", "LV", "2025-06-01"));
    }

    @Test
    void canSignAgainAfterExpiry() {
        fixture.given(new AgreementRegistered("r0", ID, COALITION, "Short agreement", "P1Y", null, SOURCE, null),
                      signed("r1", "LV", "2024-02-14"))
               .when(new SignAgreement(ID, "LV", "2025-02-14", SOURCE, null, "r2"))
               .expectEvents(signed("r2", "LV", "2025-02-14"));
    }

    @Test
    void cannotWithdrawWithoutSignature() {
        fixture.given(REGISTERED)
               .when(new WithdrawFromAgreement(ID, "LV", "2025-01-01", SOURCE, null, "r1"))
               .expectException(Rejection.class)
               .expectExceptionMessage(containsString("no active commitment"))
               .expectNoEvents();
    }

    @Test
    void cannotWithdrawOnTheDayOfSigning() {
        fixture.given(REGISTERED, signed("r1", "LV", "2024-02-14"))
               .when(new WithdrawFromAgreement(ID, "LV", "2024-02-14", SOURCE, null, "r2"))
               .expectException(Rejection.class)
               .expectExceptionMessage(containsString("must come after the signature"))
               .expectNoEvents();
    }

    @Test
    void cannotWithdrawAfterExpiry() {
        fixture.given(REGISTERED, signed("r1", "LV", "2024-02-14"))
               .when(new WithdrawFromAgreement(ID, "LV", "2030-02-14", SOURCE, null, "r2"))
               .expectException(Rejection.class);
    }

    @Test
    void canRecordSignatureLateAndOutOfOrder() {
        fixture.given(REGISTERED, withdrawn("r2", "LV", "2025-01-01"))
               .when(new SignAgreement(ID, "LV", "2024-02-14", SOURCE, null, "r1"))
               .expectEvents(signed("r1", "LV", "2024-02-14"));
    }

    @Test
    void cannotRecordLateSignatureThatOverlapsALaterOne() {
        fixture.given(REGISTERED, signed("r1", "LV", "2026-01-01"))
               .when(new SignAgreement(ID, "LV", "2024-02-14", SOURCE, null, "r2"))
               .expectException(Rejection.class)
               .expectExceptionMessage(containsString("contradicts the signature recorded for 2026-01-01"))
               .expectNoEvents();
    }

    @Test
    void cannotSignBeforeCoalitionWasFormed() {
        fixture.given(REGISTERED)
               .when(new SignAgreement(ID, "LV", "2023-08", SOURCE, null, "r1"))
               .expectException(Rejection.class)
               .expectExceptionMessage(containsString("before it-coalition was formed"))
               .expectNoEvents();
    }

    @Test
    void cannotSignWithInvalidPartyCode() {
        fixture.given(REGISTERED)
               .when(new SignAgreement(ID, "ZZ", "2024-02-14", SOURCE, null, "r1"))
               .expectException(Rejection.class)
               .expectExceptionMessage(containsString("ISO 3166-1"))
               .expectNoEvents();
    }

    @Test
    void canCorrectTheDateOfASignature() {
        fixture.given(REGISTERED, signed("r1", "EE", "2024-02"))
               .when(toThisAgreement(new CorrectRecord("r1", "2024-02-14", "the text gives the day", SOURCE, "c1")))
               .expectSuccessfulHandlerExecution()
               .expectResultMessagePayload("c1")
               .expectEvents(new RecordCorrected("c1", "r1", COALITION, ID, "EE", PartialDate.parse("2024-02-14"),
                                                 PartialDate.parse("2024-02"), "the text gives the day", SOURCE));
    }

    @Test
    void cannotCorrectASignatureToBeforeTheCoalitionWasFormed() {
        fixture.given(REGISTERED, signed("r1", "EE", "2024-02"))
               .when(toThisAgreement(new CorrectRecord("r1", "2022", "typo", SOURCE, "c1")))
               .expectException(Rejection.class)
               .expectExceptionMessage(containsString("it-coalition"))
               .expectNoEvents();
    }

    @Test
    void cannotCorrectASignatureToAfterItsWithdrawal() {
        fixture.given(REGISTERED, signed("r1", "EE", "2024-02-14"), withdrawn("r2", "EE", "2025-01-01"))
               .when(toThisAgreement(new CorrectRecord("r1", "2025-06-01", "typo", SOURCE, "c1")))
               .expectException(Rejection.class)
               .expectExceptionMessage(containsString("correcting the signature of 2024-02-14 to 2025-06-01"))
               .expectNoEvents();
    }

    @Test
    void cannotCorrectTheRegistration() {
        fixture.given(REGISTERED)
               .when(toThisAgreement(new CorrectRecord("r0", "2024-02-14", "dated after all", SOURCE, "c1")))
               .expectException(Rejection.class)
               .expectExceptionMessage(containsString("is the registration of " + ID
                                                      + ", which cannot be corrected or retracted"))
               .expectNoEvents();
    }

    @Test
    void canRetractAWithdrawal() {
        fixture.given(REGISTERED, signed("r1", "EE", "2024-02-14"), withdrawn("r2", "EE", "2025-01-01"))
               .when(toThisAgreement(new RetractRecord("r2", "never happened", SOURCE, "x1")))
               .expectResultMessagePayload("x1")
               .expectEvents(new RecordRetracted("x1", "r2", COALITION, ID, "EE", "never happened", SOURCE));
    }

    @Test
    void cannotRetractTheSignatureAWithdrawalEnds() {
        fixture.given(REGISTERED, signed("r1", "EE", "2024-02-14"), withdrawn("r2", "EE", "2025-01-01"))
               .when(toThisAgreement(new RetractRecord("r1", "wrong", SOURCE, "x1")))
               .expectException(Rejection.class)
               .expectExceptionMessage(containsString("retracting the signature of 2024-02-14"))
               .expectNoEvents();
    }

    @Test
    void cannotRetractWithoutSource() {
        fixture.given(REGISTERED, signed("r1", "EE", "2024-02-14"))
               .when(toThisAgreement(new RetractRecord("r1", "wrong", null, "x1")))
               .expectException(Rejection.class)
               .expectExceptionMessage(containsString("source is required"))
               .expectNoEvents();
    }
}
