package org.coalitionledger.overview;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.coalitionledger.agreement.query.AgreementSummary;
import org.coalitionledger.agreement.query.Commitment;
import org.coalitionledger.agreement.query.FindAgreementsQuery;
import org.coalitionledger.agreement.query.FindCommitmentsOfPartyQuery;
import org.coalitionledger.coalition.query.CoalitionSummary;
import org.coalitionledger.coalition.query.FetchCoalitionQuery;
import org.coalitionledger.coalition.query.FetchMembersQuery;
import org.coalitionledger.coalition.query.FindMembershipsOfPartyQuery;
import org.coalitionledger.coalition.query.MembersResponse;
import org.coalitionledger.coalition.query.PartyMemberships.Membership;
import org.coalitionledger.coalition.query.PartyMemberships;
import org.coalitionledger.common.Parties;
import org.coalitionledger.common.Rejection;
import org.coalitionledger.web.Params;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Answers that bring several features together: one coalition with what the coalition and agreement features each
 * know of it, and one state across the ledger, on a day as known at a moment.
 */
@RestController
class OverviewController {

    private final QueryGateway queries;
    private final Clock clock;

    OverviewController(QueryGateway queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    /** A coalition on a day: its summary, its members and intending parties, and its agreements. */
    record CoalitionDetails(LocalDate asOf, Instant knownAt, CoalitionSummary coalition, MembersResponse membership,
                            List<AgreementSummary> agreements) {
    }

    @GetMapping("/api/coalitions/{coalition}")
    @Tag(name = "Coalitions")
    @Operation(summary = "One coalition on asOf as known at knownAt: summary, membership and agreements")
    CoalitionDetails coalition(@PathVariable String coalition, @RequestParam(required = false) String asOf,
                               @RequestParam(required = false) String knownAt) {
        LocalDate day = Params.asOf(asOf, clock);
        Instant known = Params.knownAt(knownAt, clock);
        CoalitionSummary summary = queries.query(new FetchCoalitionQuery(coalition, day, known),
                                                 ResponseTypes.optionalInstanceOf(CoalitionSummary.class))
                .join().orElseThrow(() -> Rejection.unknown("coalition", coalition));
        MembersResponse members = queries.query(new FetchMembersQuery(coalition, day, known),
                                                ResponseTypes.optionalInstanceOf(MembersResponse.class))
                .join().orElseThrow(() -> Rejection.unknown("coalition", coalition));
        return new CoalitionDetails(day, known, summary, members,
                                    queries.query(new FindAgreementsQuery(coalition, day, known),
                                                  ResponseTypes.multipleInstancesOf(AgreementSummary.class)).join());
    }

    /**
     * Where one state stood on {@code asOf}, as the ledger knew it at {@code knownAt}: its memberships, and apart
     * from them the coalitions it intends to join, is suspended from and observes.
     */
    record PartyResponse(String party, String name, LocalDate asOf, Instant knownAt, List<Membership> memberships,
                         List<Membership> intending, List<Membership> suspended, List<Membership> observers,
                         List<Commitment> commitments) {
    }

    @GetMapping("/api/parties/{code}")
    @Tag(name = "Parties")
    @Operation(summary = "Every coalition and commitment of one state (ISO 3166-1 alpha-2) on asOf as known at"
            + " knownAt")
    PartyResponse party(@PathVariable String code, @RequestParam(required = false) String asOf,
                        @RequestParam(required = false) String knownAt) {
        String party = Params.party(code);
        LocalDate day = Params.asOf(asOf, clock);
        Instant known = Params.knownAt(knownAt, clock);
        PartyMemberships memberships = queries.query(new FindMembershipsOfPartyQuery(party, day, known),
                                                     ResponseTypes.instanceOf(PartyMemberships.class)).join();
        List<Commitment> commitments = queries.query(new FindCommitmentsOfPartyQuery(party, day, known),
                                                     ResponseTypes.multipleInstancesOf(Commitment.class)).join();
        return new PartyResponse(party, Parties.nameOf(party), day, known, memberships.memberships(),
                                 memberships.intending(), memberships.suspended(), memberships.observers(),
                                 commitments);
    }
}
