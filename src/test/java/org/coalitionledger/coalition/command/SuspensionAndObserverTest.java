package org.coalitionledger.coalition.command;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.coalitionledger.coalition.event.CoalitionFormed;
import org.coalitionledger.coalition.event.CoalitionJoined;
import org.coalitionledger.coalition.event.CoalitionLeft;
import org.coalitionledger.coalition.event.IntentDeclared;
import org.coalitionledger.coalition.event.LeadDesignated;
import org.coalitionledger.coalition.event.MemberReinstated;
import org.coalitionledger.coalition.event.MemberSuspended;
import org.coalitionledger.coalition.event.ObserverAdmitted;
import org.coalitionledger.common.PartialDate;
import org.coalitionledger.common.Rejection;
import org.coalitionledger.common.Source;
import org.coalitionledger.config.ActTargetResolver;
import org.coalitionledger.correction.command.CorrectRecord;
import org.coalitionledger.correction.command.RecordRouting;
import org.coalitionledger.correction.command.RetractRecord;
import org.coalitionledger.correction.event.RecordCorrected;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.hamcrest.Matchers.containsString;

/** The rules of suspension, reinstatement and observers on a coalition's timeline (docs/architecture.md). */
class SuspensionAndObserverTest {

    private static final String ID = "it-coalition";
    private static final Clock TODAY = Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC);
    private static final Source SOURCE = new Source("Report", "https://example.org/report", null, "2024-02-14", null);
    private static final CoalitionFormed FORMED = new CoalitionFormed(
            "r0", ID, "IT Coalition", "UDCG", List.of("IT"), PartialDate.parse("2023-09"), SOURCE, null);

    private FixtureConfiguration<Coalition> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Coalition.class);
        fixture.registerInjectableResource(new StubDirectory());
        fixture.registerInjectableResource(TODAY);
        fixture.registerCommandTargetResolver(new ActTargetResolver());
    }

    private static CoalitionJoined joined(String record, String party, String date) {
        return new CoalitionJoined(record, ID, party, PartialDate.parse(date), SOURCE, null);
    }

    private static CoalitionLeft left(String record, String party, String date) {
        return new CoalitionLeft(record, ID, party, PartialDate.parse(date), SOURCE, null);
    }

    private static MemberSuspended suspended(String record, String party, String date) {
        return new MemberSuspended(record, ID, party, PartialDate.parse(date), SOURCE, null);
    }

    private static MemberReinstated reinstated(String record, String party, String date) {
        return new MemberReinstated(record, ID, party, PartialDate.parse(date), SOURCE, null);
    }

    private static ObserverAdmitted observer(String record, String party, String date) {
        return new ObserverAdmitted(record, ID, party, PartialDate.parse(date), SOURCE, null);
    }

    private static LeadDesignated lead(String record, String party, String date) {
        return new LeadDesignated(record, ID, party, PartialDate.parse(date), SOURCE, null);
    }

    @Test
    void canSuspendMember() {
        fixture.given(FORMED, joined("r1", "HU", "2024-01"))
               .when(new SuspendMember(ID, "HU", "2024-06-01", SOURCE, null, "r2"))
               .expectSuccessfulHandlerExecution()
               .expectResultMessagePayload("r2")
               .expectEvents(suspended("r2", "HU", "2024-06-01"));
    }

    @Test
    void cannotSuspendNonMember() {
        fixture.given(FORMED, joined("r1", "HU", "2024-06-01"))
               .when(new SuspendMember(ID, "HU", "2024-05-31", SOURCE, null, "r2"))
               .expectException(Rejection.class)
               .expectExceptionMessage(containsString("only a member can be suspended"))
               .expectNoEvents();
    }

    @Test
    void cannotSuspendObserver() {
        fixture.given(FORMED, observer("r1", "NO", "2024-01-10"))
               .when(new SuspendMember(ID, "NO", "2024-06-01", SOURCE, null, "r2"))
               .expectException(Rejection.class)
               .expectExceptionMessage(containsString("only a member can be suspended"))
               .expectNoEvents();
    }

    @Test
    void cannotSuspendTwice() {
        fixture.given(FORMED, joined("r1", "HU", "2024-01"), suspended("r2", "HU", "2024-06-01"))
               .when(new SuspendMember(ID, "HU", "2024-07-01", SOURCE, null, "r3"))
               .expectException(Rejection.class)
               .expectExceptionMessage(containsString("already suspended"))
               .expectNoEvents();
    }

    @Test
    void canSuspendOnTheDayOfJoining() {
        fixture.given(FORMED, joined("r1", "HU", "2024-06-01"))
               .when(new SuspendMember(ID, "HU", "2024-06-01", SOURCE, null, "r2"))
               .expectEvents(suspended("r2", "HU", "2024-06-01"));
    }

    @Test
    void canReinstateSuspendedMember() {
        fixture.given(FORMED, joined("r1", "HU", "2024-01"), suspended("r2", "HU", "2024-06-01"))
               .when(new ReinstateMember(ID, "HU", "2024-09", SOURCE, null, "r3"))
               .expectEvents(reinstated("r3", "HU", "2024-09"));
    }

    @Test
    void cannotReinstateMemberNotSuspended() {
        fixture.given(FORMED, joined("r1", "HU", "2024-01"))
               .when(new ReinstateMember(ID, "HU", "2024-09-01", SOURCE, null, "r2"))
               .expectException(Rejection.class)
               .expectExceptionMessage(containsString("only a suspended member can be reinstated"))
               .expectNoEvents();
    }

    @Test
    void cannotReinstateOnTheDayOfSuspension() {
        fixture.given(FORMED, joined("r1", "HU", "2024-01"), suspended("r2", "HU", "2024-06-01"))
               .when(new ReinstateMember(ID, "HU", "2024-06-01", SOURCE, null, "r3"))
               .expectException(Rejection.class)
               .expectExceptionMessage(containsString("only a suspended member can be reinstated"))
               .expectNoEvents();
    }

    @Test
    void cannotReinstateAfterLeaving() {
        fixture.given(FORMED, joined("r1", "HU", "2024-01"), suspended("r2", "HU", "2024-06-01"),
                      left("r3", "HU", "2024-08-01"))
               .when(new ReinstateMember(ID, "HU", "2024-09-01", SOURCE, null, "r4"))
               .expectException(Rejection.class)
               .expectExceptionMessage(containsString("is not suspended"))
               .expectNoEvents();
    }

    @Test
    void cannotDesignateSuspendedMemberLead() {
        fixture.given(FORMED, joined("r1", "HU", "2024-01"), suspended("r2", "HU", "2024-06-01"))
               .when(new DesignateLead(ID, "HU", "2024-07-01", SOURCE, null, "r3"))
               .expectException(Rejection.class)
               .expectExceptionMessage(containsString("a suspended member cannot be designated lead"))
               .expectNoEvents();
    }

    @Test
    void cannotDesignateLeadOnTheDayOfSuspension() {
        fixture.given(FORMED, joined("r1", "HU", "2024-01"), suspended("r2", "HU", "2024-06-01"))
               .when(new DesignateLead(ID, "HU", "2024-06-01", SOURCE, null, "r3"))
               .expectException(Rejection.class)
               .expectExceptionMessage(containsString("a suspended member cannot be designated lead"))
               .expectNoEvents();
    }

    @Test
    void canDesignateLeadOnTheDayOfReinstatement() {
        fixture.given(FORMED, joined("r1", "HU", "2024-01"), suspended("r2", "HU", "2024-06-01"),
                      reinstated("r3", "HU", "2024-09-01"))
               .when(new DesignateLead(ID, "HU", "2024-09-01", SOURCE, null, "r4"))
               .expectEvents(lead("r4", "HU", "2024-09-01"));
    }

    @Test
    void cannotSuspendInsideALeadWhoseDesignationFallsInIt() {
        // a late suspension would put an already recorded lead designation inside it
        fixture.given(FORMED, joined("r1", "HU", "2024-01"), lead("r2", "HU", "2024-07-01"))
               .when(new SuspendMember(ID, "HU", "2024-06-01", SOURCE, null, "r3"))
               .expectException(Rejection.class)
               .expectExceptionMessage(containsString("contradicts the lead designation recorded for 2024-07-01"))
               .expectNoEvents();
    }

    @Test
    void canSuspendALeadWhoStaysLeadOnReinstatement() {
        fixture.given(FORMED, joined("r1", "HU", "2024-01"), lead("r2", "HU", "2024-02-01"),
                      suspended("r3", "HU", "2024-06-01"))
               .when(new ReinstateMember(ID, "HU", "2024-09-01", SOURCE, null, "r4"))
               .expectEvents(reinstated("r4", "HU", "2024-09-01"));
        // still a lead: a second designation after the reinstatement is refused
        fixture.given(FORMED, joined("r1", "HU", "2024-01"), lead("r2", "HU", "2024-02-01"),
                      suspended("r3", "HU", "2024-06-01"), reinstated("r4", "HU", "2024-09-01"))
               .when(new DesignateLead(ID, "HU", "2024-10-01", SOURCE, null, "r5"))
               .expectException(Rejection.class)
               .expectExceptionMessage(containsString("already a lead"))
               .expectNoEvents();
    }

    @Test
    void canLeaveWhileSuspended() {
        fixture.given(FORMED, joined("r1", "HU", "2024-01"), suspended("r2", "HU", "2024-06-01"))
               .when(new LeaveCoalition(ID, "HU", "2024-08-01", SOURCE, null, "r3"))
               .expectEvents(left("r3", "HU", "2024-08-01"));
    }

    @Test
    void cannotJoinWhileSuspended() {
        fixture.given(FORMED, joined("r1", "HU", "2024-01"), suspended("r2", "HU", "2024-06-01"))
               .when(new JoinCoalition(ID, "HU", "2024-08-01", SOURCE, null, "r3"))
               .expectException(Rejection.class)
               .expectExceptionMessage(containsString("already a member"))
               .expectNoEvents();
    }

    @Test
    void cannotRecordLateDepartureThatStrandsAReinstatement() {
        fixture.given(FORMED, joined("r1", "HU", "2024-01"), suspended("r2", "HU", "2024-06-01"),
                      reinstated("r3", "HU", "2024-09-01"))
               .when(new LeaveCoalition(ID, "HU", "2024-08-01", SOURCE, null, "r4"))
               .expectException(Rejection.class)
               .expectExceptionMessage(containsString("contradicts the reinstatement recorded for 2024-09-01"))
               .expectNoEvents();
    }

    @Test
    void cannotRetractASuspensionThatAReinstatementNeeds() {
        fixture.given(FORMED, joined("r1", "HU", "2024-01"), suspended("r2", "HU", "2024-06-01"),
                      reinstated("r3", "HU", "2024-09-01"))
               .when(RecordRouting.routed(new RetractRecord("r2", "wrong", SOURCE, "x1"), "Coalition", ID))
               .expectException(Rejection.class)
               .expectExceptionMessage(containsString("retracting the suspension of 2024-06-01"))
               .expectNoEvents();
    }

    @Test
    void canCorrectTheDateOfASuspension() {
        fixture.given(FORMED, joined("r1", "HU", "2024-01"), suspended("r2", "HU", "2024-06"))
               .when(RecordRouting.routed(new CorrectRecord("r2", "2024-06-12", "the decision's day", SOURCE, "c1"),
                                          "Coalition", ID))
               .expectEvents(new RecordCorrected("c1", "r2", ID, null, "HU", PartialDate.parse("2024-06-12"),
                                                 PartialDate.parse("2024-06"), "the decision's day", SOURCE));
    }

    @Test
    void canAdmitObserver() {
        fixture.given(FORMED)
               .when(new AdmitObserver(ID, "NO", "2024-02-14", SOURCE, null, "r1"))
               .expectSuccessfulHandlerExecution()
               .expectResultMessagePayload("r1")
               .expectEvents(observer("r1", "NO", "2024-02-14"));
    }

    @Test
    void cannotAdmitMemberAsObserver() {
        fixture.given(FORMED, joined("r1", "NO", "2024-01"))
               .when(new AdmitObserver(ID, "NO", "2024-02-14", SOURCE, null, "r2"))
               .expectException(Rejection.class)
               .expectExceptionMessage(containsString("a member cannot be admitted as an observer"))
               .expectNoEvents();
    }

    @Test
    void cannotAdmitSuspendedMemberAsObserver() {
        fixture.given(FORMED, joined("r1", "NO", "2024-01"), suspended("r2", "NO", "2024-02-01"))
               .when(new AdmitObserver(ID, "NO", "2024-02-14", SOURCE, null, "r3"))
               .expectException(Rejection.class)
               .expectExceptionMessage(containsString("a member cannot be admitted as an observer"))
               .expectNoEvents();
    }

    @Test
    void cannotAdmitObserverTwice() {
        fixture.given(FORMED, observer("r1", "NO", "2024-01-10"))
               .when(new AdmitObserver(ID, "NO", "2024-02-14", SOURCE, null, "r2"))
               .expectException(Rejection.class)
               .expectExceptionMessage(containsString("already an observer"))
               .expectNoEvents();
    }

    @Test
    void canJoinAsObserverAndNoLongerBeOne() {
        fixture.given(FORMED, observer("r1", "NO", "2024-01-10"))
               .when(new JoinCoalition(ID, "NO", "2024-03-01", SOURCE, null, "r2"))
               .expectEvents(joined("r2", "NO", "2024-03-01"));
        // having joined, it is a member and no observer: it cannot be admitted as one while a member
        fixture.given(FORMED, observer("r1", "NO", "2024-01-10"), joined("r2", "NO", "2024-03-01"))
               .when(new AdmitObserver(ID, "NO", "2024-04-01", SOURCE, null, "r3"))
               .expectException(Rejection.class)
               .expectExceptionMessage(containsString("a member cannot be admitted as an observer"))
               .expectNoEvents();
    }

    @Test
    void canLeaveAsObserver() {
        fixture.given(FORMED, observer("r1", "NO", "2024-01-10"))
               .when(new LeaveCoalition(ID, "NO", "2024-03-01", SOURCE, null, "r2"))
               .expectEvents(left("r2", "NO", "2024-03-01"));
    }

    @Test
    void cannotLeaveTwiceAsObserver() {
        fixture.given(FORMED, observer("r1", "NO", "2024-01-10"), left("r2", "NO", "2024-03-01"))
               .when(new LeaveCoalition(ID, "NO", "2024-04-01", SOURCE, null, "r3"))
               .expectException(Rejection.class)
               .expectExceptionMessage(containsString("nor an observer"))
               .expectNoEvents();
    }

    @Test
    void canBecomeObserverOnTheDayOfLeaving() {
        fixture.given(FORMED, joined("r1", "GB", "2024-01"), left("r2", "GB", "2024-06-01"))
               .when(new AdmitObserver(ID, "GB", "2024-06-01", SOURCE, null, "r3"))
               .expectEvents(observer("r3", "GB", "2024-06-01"));
    }

    @Test
    void canDeclareIntentAsObserver() {
        fixture.given(FORMED, observer("r1", "NO", "2024-01-10"))
               .when(new DeclareIntent(ID, "NO", "2024-02-01", SOURCE, null, "r2"))
               .expectEvents(new IntentDeclared("r2", ID, "NO", PartialDate.parse("2024-02-01"), SOURCE, null));
    }

    @Test
    void cannotAdmitObserverBeforeTheFormation() {
        fixture.given(FORMED)
               .when(new AdmitObserver(ID, "NO", "2023-08-31", SOURCE, null, "r1"))
               .expectException(Rejection.class)
               .expectExceptionMessage(containsString("before it-coalition was formed"))
               .expectNoEvents();
    }

    @Test
    void canRecordAnActBeforeTheDayAnOpenRangeFormationCountsFrom() {
        // formed on or before 31 January: a join on 25 January fits what the source says
        CoalitionFormed formed = new CoalitionFormed("r0", ID, "IT Coalition", "UDCG", List.of("IT"),
                                                     PartialDate.parse("[..2024-01-31]"), SOURCE, null);
        fixture.given(formed)
               .when(new JoinCoalition(ID, "NL", "2024-01-25", SOURCE, null, "r1"))
               .expectEvents(joined("r1", "NL", "2024-01-25"));
    }

    @Test
    void cannotRecordAnActWhollyBeforeAClosedRangeFormation() {
        CoalitionFormed formed = new CoalitionFormed("r0", ID, "IT Coalition", "UDCG", List.of("IT"),
                                                     PartialDate.parse("[2024-01-10..2024-01-31]"), SOURCE, null);
        fixture.given(formed)
               .when(new JoinCoalition(ID, "NL", "[..2024-01-09]", SOURCE, null, "r1"))
               .expectException(Rejection.class)
               .expectExceptionMessage(containsString("before it-coalition was formed"))
               .expectNoEvents();
    }
}
