package org.coalitionledger.coalition.command;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.coalitionledger.coalition.event.CoalitionFormed;
import org.coalitionledger.coalition.event.CoalitionJoined;
import org.coalitionledger.coalition.event.CoalitionLeft;
import org.coalitionledger.coalition.event.IntentDeclared;
import org.coalitionledger.coalition.event.LeadDesignated;
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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.hamcrest.Matchers.containsString;

class CoalitionTest {

    private static final String ID = "it-coalition";
    /** The day these tests are run on, as far as the aggregate knows: "the future" starts after it. */
    private static final Clock TODAY = Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC);
    private static final Source SOURCE = new Source("Report", "https://example.org/report", null, "2024-02-14", null);
    private static final CoalitionFormed FORMED = new CoalitionFormed(
            "r0", ID, "IT Coalition", "UDCG", List.of("IT"), PartialDate.parse("2023-09"), SOURCE, null);

    private FixtureConfiguration<Coalition> fixture;
    private StubDirectory directory;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Coalition.class);
        directory = new StubDirectory();
        fixture.registerInjectableResource(directory);
        fixture.registerInjectableResource(TODAY);
        fixture.registerCommandTargetResolver(new ActTargetResolver());
    }

    /** A correction or retraction as {@link RecordRouting} sends it to this coalition. */
    private static CommandMessage<?> toThisCoalition(Object command) {
        return RecordRouting.routed(command, "Coalition", ID);
    }

    private static CoalitionJoined joined(String record, String party, String date) {
        return new CoalitionJoined(record, ID, party, PartialDate.parse(date), SOURCE, null);
    }

    private static CoalitionLeft left(String record, String party, String date) {
        return new CoalitionLeft(record, ID, party, PartialDate.parse(date), SOURCE, null);
    }

    @Test
    void canFormCoalition() {
        fixture.givenNoPriorActivity()
               .when(new FormCoalition(ID, "IT Coalition", "UDCG", List.of("IT"), "2023-09", SOURCE, null, "r0"))
               .expectSuccessfulHandlerExecution()
               .expectEvents(FORMED);
    }

    @Test
    void cannotFormCoalitionWithMalformedSlug() {
        fixture.givenNoPriorActivity()
               .when(new FormCoalition("IT Coalition", "IT", null, null, "2023", SOURCE, null, "r0"))
               .expectException(Rejection.class)
               .expectExceptionMessage(containsString("a-z, 0-9 and '-'"))
               .expectNoEvents();
    }

    @Test
    void cannotFormCoalitionWithTakenId() {
        directory.withTaken(ID);
        fixture.givenNoPriorActivity()
               .when(new FormCoalition(ID, "IT Coalition", null, null, "2023", SOURCE, null, "r0"))
               .expectException(Rejection.class)
               .expectExceptionMessage(containsString("already used"))
               .expectNoEvents();
    }

    @Test
    void cannotFormCoalitionWithoutSource() {
        fixture.givenNoPriorActivity()
               .when(new FormCoalition(ID, "IT Coalition", null, null, "2023", null, null, "r0"))
               .expectException(Rejection.class)
               .expectExceptionMessage(containsString("source is required"))
               .expectNoEvents();
    }

    @Test
    void cannotCiteSourceWithoutTitleOrUrl() {
        fixture.given(FORMED)
               .when(new JoinCoalition(ID, "NL", "2024-01", new Source(null, null, "Ukrinform", null, null), null,
                                       "r1"))
               .expectException(Rejection.class)
               .expectExceptionMessage(containsString("title or a url"))
               .expectNoEvents();
    }

    @Test
    void canJoinAtMonthPrecision() {
        fixture.given(FORMED)
               .when(new JoinCoalition(ID, "NL", "2024-01", SOURCE, "at a UDCG meeting", "r1"))
               .expectSuccessfulHandlerExecution()
               .expectResultMessagePayload("r1")
               .expectEvents(new CoalitionJoined("r1", ID, "NL", PartialDate.parse("2024-01"), SOURCE,
                                                 "at a UDCG meeting"));
    }

    @Test
    void cannotJoinTwice() {
        fixture.given(FORMED, joined("r1", "NL", "2024-01"))
               .when(new JoinCoalition(ID, "NL", "2024-02-14", SOURCE, null, "r2"))
               .expectException(Rejection.class)
               .expectExceptionMessage(containsString("already a member"))
               .expectNoEvents();
    }

    @Test
    void cannotJoinWithInvalidPartyCode() {
        fixture.given(FORMED)
               .when(new JoinCoalition(ID, "XX", "2024-01", SOURCE, null, "r1"))
               .expectException(Rejection.class)
               .expectExceptionMessage(containsString("ISO 3166-1"))
               .expectNoEvents();
    }

    @Test
    void cannotJoinWithLowerCasePartyCode() {
        fixture.given(FORMED)
               .when(new JoinCoalition(ID, "nl", "2024-01", SOURCE, null, "r1"))
               .expectException(Rejection.class)
               .expectNoEvents();
    }

    @Test
    void cannotJoinBeforeCoalitionWasFormed() {
        fixture.given(FORMED)
               .when(new JoinCoalition(ID, "NL", "2023-08-31", SOURCE, null, "r1"))
               .expectException(Rejection.class)
               .expectExceptionMessage(containsString("before it-coalition was formed"))
               .expectNoEvents();
    }

    @Test
    void canJoinOnTheClocksToday() {
        fixture.given(FORMED)
               .when(new JoinCoalition(ID, "NL", LocalDate.now(TODAY).toString(), SOURCE, null, "r1"))
               .expectSuccessfulHandlerExecution();
    }

    @Test
    void cannotJoinInTheFuture() {
        String tomorrow = LocalDate.now(TODAY).plusDays(1).toString();
        fixture.given(FORMED)
               .when(new JoinCoalition(ID, "NL", tomorrow, SOURCE, null, "r1"))
               .expectException(Rejection.class)
               .expectExceptionMessage(containsString("in the future"))
               .expectNoEvents();
    }

    @Test
    void cannotJoinWithMalformedDate() {
        fixture.given(FORMED)
               .when(new JoinCoalition(ID, "NL", "2024-02-30", SOURCE, null, "r1"))
               .expectException(Rejection.class)
               .expectExceptionMessage(containsString("not a calendar date"))
               .expectNoEvents();
        fixture.given(FORMED)
               .when(new JoinCoalition(ID, "NL", "14/02/2024", SOURCE, null, "r1"))
               .expectException(Rejection.class)
               .expectExceptionMessage(containsString("YYYY-MM-DD"))
               .expectNoEvents();
    }

    @Test
    void canLeaveAfterJoining() {
        fixture.given(FORMED, joined("r1", "NL", "2024-01"))
               .when(new LeaveCoalition(ID, "NL", "2024-06-01", SOURCE, null, "r2"))
               .expectEvents(left("r2", "NL", "2024-06-01"));
    }

    @Test
    void cannotLeaveWhenNotMember() {
        fixture.given(FORMED)
               .when(new LeaveCoalition(ID, "NL", "2024-06-01", SOURCE, null, "r2"))
               .expectException(Rejection.class)
               .expectExceptionMessage(containsString("is not a member"))
               .expectNoEvents();
    }

    @Test
    void cannotLeaveOnTheDayOfJoining() {
        fixture.given(FORMED, joined("r1", "NL", "2024-02-14"))
               .when(new LeaveCoalition(ID, "NL", "2024-02-14", SOURCE, null, "r2"))
               .expectException(Rejection.class)
               .expectExceptionMessage(containsString("a departure must come after the join"))
               .expectNoEvents();
    }

    @Test
    void canRejoinOnTheDayOfLeaving() {
        fixture.given(FORMED, joined("r1", "NL", "2024-01"), left("r2", "NL", "2024-06-01"))
               .when(new JoinCoalition(ID, "NL", "2024-06-01", SOURCE, null, "r3"))
               .expectEvents(joined("r3", "NL", "2024-06-01"));
    }

    @Test
    void canDesignateLeadOnTheDayOfJoining() {
        fixture.given(FORMED, joined("r1", "EE", "2024-02-14"))
               .when(new DesignateLead(ID, "EE", "2024-02-14", SOURCE, null, "r2"))
               .expectEvents(new LeadDesignated("r2", ID, "EE", PartialDate.parse("2024-02-14"), SOURCE, null));
    }

    @Test
    void canDesignateCoLeads() {
        fixture.given(FORMED, joined("r1", "EE", "2024-02-14"), joined("r2", "LU", "2024-02-14"),
                      new LeadDesignated("r3", ID, "EE", PartialDate.parse("2024-02-14"), SOURCE, null))
               .when(new DesignateLead(ID, "LU", "2024-02-14", SOURCE, null, "r4"))
               .expectEvents(new LeadDesignated("r4", ID, "LU", PartialDate.parse("2024-02-14"), SOURCE, null));
    }

    @Test
    void cannotDesignateLeadWhoIsNotMember() {
        fixture.given(FORMED, joined("r1", "EE", "2024-02-14"))
               .when(new DesignateLead(ID, "EE", "2024-02-13", SOURCE, null, "r2"))
               .expectException(Rejection.class)
               .expectExceptionMessage(containsString("a lead must be a member"))
               .expectNoEvents();
    }

    @Test
    void cannotDesignateLeadTwice() {
        fixture.given(FORMED, joined("r1", "EE", "2024-02-14"),
                      new LeadDesignated("r2", ID, "EE", PartialDate.parse("2024-02-14"), SOURCE, null))
               .when(new DesignateLead(ID, "EE", "2024-03-01", SOURCE, null, "r3"))
               .expectException(Rejection.class)
               .expectExceptionMessage(containsString("already a lead"))
               .expectNoEvents();
    }

    @Test
    void canDeclareIntentThenJoinTheSameDay() {
        fixture.given(FORMED, new IntentDeclared("r1", ID, "GB", PartialDate.parse("2024-02-14"), SOURCE, null))
               .when(new JoinCoalition(ID, "GB", "2024-02-14", SOURCE, null, "r2"))
               .expectEvents(joined("r2", "GB", "2024-02-14"));
    }

    @Test
    void cannotDeclareIntentWhileMember() {
        fixture.given(FORMED, joined("r1", "GB", "2024-01-10"))
               .when(new DeclareIntent(ID, "GB", "2024-02-14", SOURCE, null, "r2"))
               .expectException(Rejection.class)
               .expectExceptionMessage(containsString("already a member"))
               .expectNoEvents();
    }

    @Test
    void cannotDeclareIntentTwice() {
        fixture.given(FORMED, new IntentDeclared("r1", ID, "GB", PartialDate.parse("2024-02-01"), SOURCE, null))
               .when(new DeclareIntent(ID, "GB", "2024-02-14", SOURCE, null, "r2"))
               .expectException(Rejection.class)
               .expectExceptionMessage(containsString("already declared intent"))
               .expectNoEvents();
    }

    @Test
    void canRecordJoinLateAndOutOfOrder() {
        // the departure was recorded first; the January join that precedes it arrives later
        fixture.given(FORMED, joined("r1", "NL", "2024-06-01"), left("r2", "NL", "2024-09-01"))
               .when(new JoinCoalition(ID, "NL", "2024-01", SOURCE, null, "r3"))
               .expectException(Rejection.class)
               .expectExceptionMessage(containsString("contradicts the join recorded for 2024-06-01"));
        fixture.given(FORMED, left("r2", "NL", "2024-09-01"))
               .when(new JoinCoalition(ID, "NL", "2024-01", SOURCE, null, "r3"))
               .expectEvents(joined("r3", "NL", "2024-01"));
    }

    @Test
    void cannotRecordLateDepartureThatStrandsALead() {
        fixture.given(FORMED, joined("r1", "EE", "2024-01-01"),
                      new LeadDesignated("r2", ID, "EE", PartialDate.parse("2024-05-01"), SOURCE, null))
               .when(new LeaveCoalition(ID, "EE", "2024-03-01", SOURCE, null, "r3"))
               .expectException(Rejection.class)
               .expectExceptionMessage(containsString("contradicts the lead designation recorded for 2024-05-01"))
               .expectNoEvents();
    }

    @Test
    void cannotRecordNotesOverLimit() {
        fixture.given(FORMED)
               .when(new JoinCoalition(ID, "NL", "2024-01", SOURCE, "x".repeat(4_001), "r1"))
               .expectException(Rejection.class)
               .expectExceptionMessage(containsString("at most 4000"))
               .expectNoEvents();
    }

    @Test
    void cannotCiteNonHttpUrl() {
        fixture.given(FORMED)
               .when(new JoinCoalition(ID, "NL", "2024-01", new Source("t", "file:///etc/passwd", null, null, null),
                                       null, "r1"))
               .expectException(Rejection.class)
               .expectExceptionMessage(containsString("http or https"))
               .expectNoEvents();
    }

    @Test
    void canCorrectTheDateOfAJoin() {
        fixture.given(FORMED, joined("r1", "NL", "2024-01"))
               .when(toThisCoalition(new CorrectRecord("r1", "2024-01-25", "the ministry gave the day", SOURCE, "c1")))
               .expectSuccessfulHandlerExecution()
               .expectResultMessagePayload("c1")
               .expectEvents(new RecordCorrected("c1", "r1", ID, null, "NL", PartialDate.parse("2024-01-25"),
                                                 PartialDate.parse("2024-01"), "the ministry gave the day", SOURCE));
    }

    @Test
    void cannotCorrectAJoinToBeforeTheFormation() {
        fixture.given(FORMED, joined("r1", "NL", "2024-01"))
               .when(toThisCoalition(new CorrectRecord("r1", "2023-01", "typo", SOURCE, "c1")))
               .expectException(Rejection.class)
               .expectExceptionMessage(containsString("before it-coalition was formed"))
               .expectNoEvents();
    }

    @Test
    void cannotCorrectAJoinPastTheDepartureItPrecedes() {
        fixture.given(FORMED, joined("r1", "NL", "2024-01-10"), left("r2", "NL", "2024-03-01"))
               .when(toThisCoalition(new CorrectRecord("r1", "2024-04-01", "typo", SOURCE, "c1")))
               .expectException(Rejection.class)
               .expectExceptionMessage(containsString("correcting the join of 2024-01-10 to 2024-04-01"))
               .expectNoEvents();
    }

    @Test
    void cannotCorrectWithoutReason() {
        fixture.given(FORMED, joined("r1", "NL", "2024-01"))
               .when(toThisCoalition(new CorrectRecord("r1", "2024-01-25", null, SOURCE, "c1")))
               .expectException(Rejection.class)
               .expectExceptionMessage(containsString("reason"))
               .expectNoEvents();
    }

    @Test
    void canCorrectFormationDate() {
        fixture.given(FORMED, joined("r1", "NL", "2024-01"))
               .when(toThisCoalition(new CorrectRecord("r0", "2023-10-12", "the founding meeting", SOURCE, "c1")))
               .expectSuccessfulHandlerExecution()
               .expectResultMessagePayload("c1")
               .expectEvents(new RecordCorrected("c1", "r0", ID, null, null, PartialDate.parse("2023-10-12"),
                                                 PartialDate.parse("2023-09"), "the founding meeting", SOURCE));
    }

    @Test
    void correctedFormationDateGuardsLaterActs() {
        fixture.given(FORMED, new RecordCorrected("c1", "r0", ID, null, null, PartialDate.parse("2023-12"),
                                                  PartialDate.parse("2023-09"), "the founding meeting", SOURCE))
               .when(new JoinCoalition(ID, "NL", "2023-11", SOURCE, null, "r1"))
               .expectException(Rejection.class)
               .expectExceptionMessage(containsString("before it-coalition was formed (2023-12)"))
               .expectNoEvents();
    }

    @Test
    void cannotMoveFormationAfterAnAct() {
        fixture.given(FORMED, joined("r1", "NL", "2024-01"), joined("r2", "EE", "2023-11-20"))
               .when(toThisCoalition(new CorrectRecord("r0", "2023-12", "a later meeting", SOURCE, "c1")))
               .expectException(Rejection.class)
               .expectExceptionMessage(containsString("would put the join of Estonia (EE) recorded for 2023-11-20"
                                                      + " (record r2) before the formation"))
               .expectNoEvents();
    }

    @Test
    void cannotMoveFormationAfterAnActOfItsAgreements() {
        directory.withAgreementAct(ID, new CoalitionDirectory.DatedAct(
                "s1", "signature of Estonia (EE) under it-agreement", PartialDate.parse("2023-10-02")));
        fixture.given(FORMED)
               .when(toThisCoalition(new CorrectRecord("r0", "2023-11", "a later meeting", SOURCE, "c1")))
               .expectException(Rejection.class)
               .expectExceptionMessage(containsString("the signature of Estonia (EE) under it-agreement recorded"
                                                      + " for 2023-10-02 (record s1)"))
               .expectNoEvents();
    }

    @Test
    void canMoveFormationUpToAnImpreciseAct() {
        // a join dated "2024-01" may have been on 2024-01-31, so the formation may move into January
        fixture.given(FORMED, joined("r1", "NL", "2024-01"))
               .when(toThisCoalition(new CorrectRecord("r0", "2024-01-20", "a later meeting", SOURCE, "c1")))
               .expectSuccessfulHandlerExecution();
    }

    @Test
    void cannotRetractTheFormation() {
        fixture.given(FORMED)
               .when(toThisCoalition(new RetractRecord("r0", "never happened", SOURCE, "x1")))
               .expectException(Rejection.class)
               .expectExceptionMessage(containsString("is the formation of it-coalition, which cannot be retracted"))
               .expectNoEvents();
    }

    @Test
    void canRetractADeparture() {
        fixture.given(FORMED, joined("r1", "NL", "2024-01"), left("r2", "NL", "2024-06"))
               .when(toThisCoalition(new RetractRecord("r2", "recorded for the wrong state", SOURCE, "x1")))
               .expectSuccessfulHandlerExecution()
               .expectResultMessagePayload("x1")
               .expectEvents(new RecordRetracted("x1", "r2", ID, null, "NL", "recorded for the wrong state",
                                                 SOURCE));
    }

    @Test
    void cannotRetractTheJoinOfALead() {
        fixture.given(FORMED, joined("r1", "EE", "2024-01-01"),
                      new LeadDesignated("r2", ID, "EE", PartialDate.parse("2024-05-01"), SOURCE, null))
               .when(toThisCoalition(new RetractRecord("r1", "wrong", SOURCE, "x1")))
               .expectException(Rejection.class)
               .expectExceptionMessage(containsString("retracting the join of 2024-01-01"))
               .expectNoEvents();
    }

    @Test
    void cannotRetractARetractedRecordAgain() {
        fixture.given(FORMED, joined("r1", "NL", "2024-01"), left("r2", "NL", "2024-06"),
                      new RecordRetracted("x1", "r2", ID, null, "NL", "wrong", SOURCE))
               .when(toThisCoalition(new RetractRecord("r2", "again", SOURCE, "x2")))
               .expectException(Rejection.class)
               .expectNoEvents();
    }
}
