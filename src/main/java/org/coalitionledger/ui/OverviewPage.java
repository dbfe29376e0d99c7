package org.coalitionledger.ui;

import org.coalitionledger.agreement.query.AgreementSummary;
import org.coalitionledger.coalition.query.CoalitionSummary;
import org.coalitionledger.history.query.EventLogResponse.LogEntry;
import org.coalitionledger.history.query.FindEventLogQuery;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Every coalition with its leads, member count, agreements and last recorded act. */
@Controller
class OverviewPage {

    private final Ledger ledger;
    private final Clock clock;

    OverviewPage(Ledger ledger, Clock clock) {
        this.clock = clock;
        this.ledger = ledger;
    }

    /** One line of the overview. */
    public record Line(CoalitionSummary coalition, List<AgreementSummary> agreements, LogEntry lastAct) {
    }

    @GetMapping("/")
    String overview(@RequestParam(required = false) String asOf, @RequestParam(required = false) String knownAt,
                    Model model) {
        TimeQuery time = TimeQuery.of(asOf, knownAt, clock);
        Map<String, List<AgreementSummary>> agreements = ledger.agreements(null, time.asOf(), time.knownAt())
                .stream().collect(Collectors.groupingBy(AgreementSummary::coalition));
        List<Line> lines = ledger.coalitions(time.asOf(), time.knownAt()).stream()
                .map(coalition -> new Line(coalition, agreements.getOrDefault(coalition.coalition(), List.of()),
                                           lastAct(coalition.coalition(), time)))
                .toList();
        model.addAttribute("time", time);
        model.addAttribute("lines", lines);
        return "overview";
    }

    private LogEntry lastAct(String coalition, TimeQuery time) {
        return ledger.log(new FindEventLogQuery(coalition, null, null, null, time.knownAt().plusMillis(1), 1))
                .entries().stream().findFirst().orElse(null);
    }
}
