package org.coalitionledger.coalition.query;

import org.coalitionledger.coalition.event.CoalitionFormed;
import org.coalitionledger.coalition.event.CoalitionJoined;
import org.coalitionledger.coalition.event.CoalitionLeft;
import org.coalitionledger.coalition.event.IntentDeclared;
import org.coalitionledger.coalition.event.LeadDesignated;
import org.coalitionledger.common.PartialDate;
import org.coalitionledger.common.Source;
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

/** The membership projection fed its events directly, on the real schema. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@Transactional
class MembershipProjectionTest {

    private static final Source SOURCE = new Source("Report", null, null, null, null);
    private static final String ID = "projection-test";

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("ledger.data-dir", LedgerHttpTestSupport::freshDataDir);
    }

    @Autowired
    MembershipProjection projection;

    private final Instant t0 = Instant.parse("2024-03-01T10:00:00Z");

    @BeforeEach
    void formed() {
        projection.on(new CoalitionFormed("f", ID, "Test", null, List.of(), PartialDate.parse("2020"), SOURCE, null),
                      t0);
    }

    private MembersResponse membersOn(String day) {
        return projection.handle(new FetchMembersQuery(ID, LocalDate.parse(day))).orElseThrow();
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
                .containsExactly(Role.LEAD);
        assertThat(membersOn("2022-05-01").members()).isEmpty();
        assertThat(projection.handle(new FindCoalitionsQuery(LocalDate.parse("2021-06-01"))))
                .filteredOn(summary -> summary.coalition().equals(ID))
                .singleElement()
                .satisfies(summary -> {
                    assertThat(summary.leads()).containsExactly("EE");
                    assertThat(summary.memberCount()).isEqualTo(1);
                });
    }

    @Test
    void unknownCoalitionHasNoMembers() {
        assertThat(projection.handle(new FetchMembersQuery("nobody", LocalDate.now()))).isEmpty();
    }
}
