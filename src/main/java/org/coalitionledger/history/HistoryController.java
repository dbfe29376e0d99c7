package org.coalitionledger.history;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.coalitionledger.common.Rejection;
import org.coalitionledger.common.Text;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The history of a coalition, with sources and recording metadata. */
@RestController
@Tag(name = "History")
class HistoryController {

    private final QueryGateway queries;

    HistoryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/api/coalitions/{coalition}/history")
    @Operation(summary = "Every recorded act of a coalition and its agreements, in effective-date order")
    HistoryResponse history(@PathVariable String coalition) {
        return queries.query(new FetchHistoryQuery(coalition), ResponseTypes.optionalInstanceOf(HistoryResponse.class))
                .join()
                .orElseThrow(() -> Rejection.notFound("coalition", "unknown coalition '" + Text.clip(coalition)
                        + "'"));
    }
}
