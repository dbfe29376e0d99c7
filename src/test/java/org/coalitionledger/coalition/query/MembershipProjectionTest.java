package org.coalitionledger.coalition.query;

import org.coalitionledger.coalition.event.CoalitionFormed;
import org.coalitionledger.coalition.event.CoalitionJoined;
import org.coalitionledger.coalition.event.CoalitionLeft;
import org.coalitionledger.coalition.event.IntentDeclared;
import org.coalitionledger.coalition.event.LeadDesignated;
import org.coalitionledger.coalition.event.MemberReinstated;
import org.coalitionledger.coalition.event.MemberSuspended;
import org.coalitionledger.coalition.event.ObserverAdmitted;
import org.coalitionledger.common.PartialDate;
import org.coalitionledger.common.Source;
import org.coalitionledger.correction.event.RecordCorrected;
import org.coalitionledger.correction.event.RecordRetracted;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.annotation.Transactional;

import org.coalitionledger.it.LedgerHttpTestSupport;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The membership projection fed its events directly, on the real schema. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@Transactional
class MembershipProjectionTest {

    private static final Source SOURCE = new Source("Report", null, null, null, null);
    private static final String ID = "projection-test";

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("ledger.data-dir", LedgerHttpTestSupport.oneFreshDataDir());
    }

    @Autowired
    MembershipProjection projection;

    private final Instant t0 = Instant.parse("2024-03-01T10:00:00Z");

    @BeforeEach
    void formed() {
        projection.on(new CoalitionFormed("f", ID, "Test", null, List.of(), PartialDate.parse("2020"), SOURCE, null),
                      t0);
    }

    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    private MembersResponse membersOn(String day) {
        return membersOn(day, NOW);
    }

    private MembersResponse membersOn(String day, Instant knownAt) {
        return projection.handle(new FetchMembersQuery(ID, LocalDate.parse(day), knownAt)).orElseThrow();
    }

    @Test
    void lateRecordedJoinMovesTheMembershipStart() {
        projection.on(new CoalitionJoined("r1", ID, "NL", PartialDate.parse("2024-02-01"), SOURCE, null), 1, t0);
        projection.on(new IntentDeclared("r0", ID, "NL", PartialDate.parse("2023-06"), SOURCE, null), 2,
                      t0.plusSeconds(60));
        assertThat(membersOn("2023-12-31").intending()).extracting(MembersResponse.Intending::party)
                .containsExactly("NL");
        assertThat(membersOn("2023-12-31").members()).isEmpty();
        assertThat(membersOn("2024-02-01").intending()).isEmpty();
        assertThat(membersOn("2024-02-01").members()).extracting(MembersResponse.Member::since)
                .containsExactly("2024-02-01");
    }

    @Test
    void departureEndsMembershipAndLeadOnItsDay() {
        projection.on(new CoalitionJoined("r1", ID, "EE", PartialDate.parse("2021-01-01"), SOURCE, null), 1, t0);
        projection.on(new LeadDesignated("r2", ID, "EE", PartialDate.parse("2021-01-01"), SOURCE, null), 2, t0);
        projection.on(new CoalitionLeft("r3", ID, "EE", PartialDate.parse("2022-05-01"), SOURCE, null), 3, t0);
        assertThat(membersOn("2022-04-30").members()).extracting(MembersResponse.Member::role)
                .containsExactly(MemberRole.LEAD);
        assertThat(membersOn("2022-05-01").members()).isEmpty();
        assertThat(projection.handle(new FindCoalitionsQuery(LocalDate.parse("2021-06-01"), NOW)))
                .filteredOn(summary -> summary.coalition().equals(ID))
                .singleElement()
                .satisfies(summary -> {
                    assertThat(summary.leads()).containsExactly("EE");
                    assertThat(summary.memberCount()).isEqualTo(1);
                });
    }

    @Test
    void unknownCoalitionHasNoMembers() {
        assertThat(projection.handle(new FetchMembersQuery("nobody", LocalDate.now(), NOW))).isEmpty();
    }

    @Test
    void correctionIsSeenOnlyByAnswersKnownAfterIt() {
        Instant joinedAt = t0.plusSeconds(10);
        Instant correctedAt = t0.plusSeconds(100);
        projection.on(new CoalitionJoined("r1", ID, "NL", PartialDate.parse("2024-02-01"), SOURCE, null), 1,
                      joinedAt);
        projection.on(new RecordCorrected("c1", "r1", ID, null, "NL", PartialDate.parse("2024-01"),
                                          PartialDate.parse("2024-02-01"), "the meeting was in January", SOURCE),
                      correctedAt);
        // before the correction the ledger said February
        assertThat(membersOn("2024-01-31", correctedAt.minusMillis(1)).members()).isEmpty();
        assertThat(membersOn("2024-02-01", correctedAt.minusMillis(1)).members())
                .extracting(MembersResponse.Member::since).containsExactly("2024-02-01");
        // from the correction on it says January, at month precision, uncertain inside January before its last day
        MembersResponse corrected = membersOn("2024-01-30", correctedAt);
        assertThat(corrected.members()).extracting(MembersResponse.Member::since).containsExactly("2024-01");
        assertThat(corrected.members().get(0).certain()).isFalse();
        assertThat(membersOn("2024-01-31", correctedAt).members().get(0).certain()).isTrue();
        assertThat(membersOn("2024-02-01", correctedAt).members().get(0).certain()).isTrue();
        // before the join was recorded nothing was known
        assertThat(membersOn("2024-03-01", joinedAt.minusMillis(1)).members()).isEmpty();
    }

    @Test
    void retractionStopsCountingAtItsRecordTime() {
        Instant retractedAt = t0.plusSeconds(100);
        projection.on(new CoalitionJoined("r1", ID, "DK", PartialDate.parse("2021-01-01"), SOURCE, null), 1, t0);
        projection.on(new RecordRetracted("x1", "r1", ID, null, "DK", "joined another coalition", SOURCE),
                      retractedAt);
        assertThat(membersOn("2022-01-01", retractedAt.minusMillis(1)).members()).hasSize(1);
        assertThat(membersOn("2022-01-01", retractedAt).members()).isEmpty();
    }

    @Test
    void suspendedLeadIsInNoMembersListAndLeadAgainOnReinstatement() {
        projection.on(new CoalitionJoined("r1", ID, "HU", PartialDate.parse("2021-01-01"), SOURCE, null), 1, t0);
        projection.on(new LeadDesignated("r2", ID, "HU", PartialDate.parse("2021-02-01"), SOURCE, null), 2, t0);
        projection.on(new MemberSuspended("r3", ID, "HU", PartialDate.parse("2022-03-01"), SOURCE, null), 3, t0);
        projection.on(new MemberReinstated("r4", ID, "HU", PartialDate.parse("2022-09"), SOURCE, null), 4, t0);
        assertThat(membersOn("2022-02-28").members()).extracting(MembersResponse.Member::role)
                .containsExactly(MemberRole.LEAD);
        MembersResponse suspended = membersOn("2022-03-01");
        assertThat(suspended.members()).isEmpty();
        assertThat(suspended.suspended()).extracting(MembersResponse.Intending::party, MembersResponse.Intending::since)
                .containsExactly(tuple("HU", "2022-03-01"));
        assertThat(projection.handle(new FindCoalitionsQuery(LocalDate.parse("2022-06-01"), NOW)))
                .filteredOn(summary -> summary.coalition().equals(ID))
                .singleElement()
                .satisfies(summary -> {
                    assertThat(summary.leads()).isEmpty();
                    assertThat(summary.memberCount()).isZero();
                });
        MembersResponse reinstated = membersOn("2022-09-01");
        assertThat(reinstated.suspended()).isEmpty();
        assertThat(reinstated.members()).extracting(MembersResponse.Member::role, MembersResponse.Member::since)
                .containsExactly(tuple(MemberRole.LEAD, "2021-01-01"));
    }

    @Test
    void observerIsListedUntilItJoins() {
        projection.on(new ObserverAdmitted("r1", ID, "NO", PartialDate.parse("2021-05"), SOURCE, null), 1, t0);
        projection.on(new CoalitionJoined("r2", ID, "NO", PartialDate.parse("2023-01-01"), SOURCE, null), 2,
                      t0.plusSeconds(60));
        MembersResponse observing = membersOn("2021-05-10");
        assertThat(observing.observers()).extracting(MembersResponse.Intending::party).containsExactly("NO");
        assertThat(observing.observers().get(0).certain()).isFalse();
        assertThat(observing.members()).isEmpty();
        assertThat(membersOn("2022-12-31").observers()).extracting(MembersResponse.Intending::certain)
                .containsExactly(true);
        assertThat(membersOn("2023-01-01").observers()).isEmpty();
        assertThat(membersOn("2023-01-01").members()).extracting(MembersResponse.Member::party).containsExactly("NO");
        // as known before the join was recorded, it was still an observer
        assertThat(membersOn("2023-01-01", t0.plusSeconds(59)).observers())
                .extracting(MembersResponse.Intending::party).containsExactly("NO");
    }
}
