package org.coalitionledger.overview;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.coalitionledger.agreement.query.AgreementSummary;
import org.coalitionledger.agreement.query.FindAgreementsQuery;
import org.coalitionledger.coalition.query.CoalitionSummary;
import org.coalitionledger.coalition.query.FetchCoalitionQuery;
import org.coalitionledger.coalition.query.FetchMembersQuery;
import org.coalitionledger.coalition.query.MembersResponse;
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

/** One coalition on a day, with what the coalition and agreement features each know of it. */
@RestController
@Tag(name = "Coalitions")
class CoalitionDetailsController {

    private final QueryGateway queries;
    private final Clock clock;

    CoalitionDetailsController(QueryGateway queries, Clock clock) {
        this.clock = clock;
        this.queries = queries;
    }

    /** A coalition on a day: its summary, its members and intending parties, and its agreements. */
    record CoalitionDetails(LocalDate asOf, Instant knownAt, CoalitionSummary coalition, MembersResponse membership,
                            List<AgreementSummary> agreements) {
    }

    @GetMapping("/api/coalitions/{coalition}")
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
}
