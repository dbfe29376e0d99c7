package org.coalitionledger.overview;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.coalitionledger.agreement.query.Commitment;
import org.coalitionledger.agreement.query.FindCommitmentsOfPartyQuery;
import org.coalitionledger.coalition.query.FindMembershipsOfPartyQuery;
import org.coalitionledger.coalition.query.PartyMemberships;
import org.coalitionledger.coalition.query.PartyMemberships.Membership;
import org.coalitionledger.common.Parties;
import org.coalitionledger.web.Params;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One state across the ledger: its coalitions and its commitments on a day, as known at a moment. */
@RestController
@Tag(name = "Parties")
class PartyController {

    private final QueryGateway queries;
    private final Clock clock;

    PartyController(QueryGateway queries, Clock clock) {
        this.clock = clock;
        this.queries = queries;
    }

    /** Where one state stood on {@code asOf}, as the ledger knew it at {@code knownAt}. */
    record PartyResponse(String party, String name, LocalDate asOf, Instant knownAt, List<Membership> memberships,
                         List<Membership> intending, List<Commitment> commitments) {
    }

    @GetMapping("/api/parties/{code}")
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
                                 memberships.intending(), commitments);
    }
}
