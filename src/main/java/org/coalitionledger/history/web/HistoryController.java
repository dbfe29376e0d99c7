package org.coalitionledger.history.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.coalitionledger.common.Rejection;
import org.coalitionledger.history.query.FetchHistoryQuery;
import org.coalitionledger.history.query.HistoryResponse;
import org.coalitionledger.web.Params;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The history of a coalition, with sources and recording metadata. */
@RestController
@Tag(name = "History")
class HistoryController {

    private final QueryGateway queries;
    private final Clock clock;

    HistoryController(QueryGateway queries, Clock clock) {
        this.clock = clock;
        this.queries = queries;
    }

    @GetMapping("/api/coalitions/{coalition}/history")
    @Operation(summary = "Every act of a coalition and its agreements recorded by knownAt (default now), in"
            + " effective-date order, each with its corrections and retractions")
    HistoryResponse history(@PathVariable String coalition, @RequestParam(required = false) String knownAt) {
        return queries.query(new FetchHistoryQuery(coalition, Params.knownAt(knownAt, clock)),
                             ResponseTypes.optionalInstanceOf(HistoryResponse.class))
                .join()
                .orElseThrow(() -> Rejection.unknown("coalition", coalition));
    }
}
