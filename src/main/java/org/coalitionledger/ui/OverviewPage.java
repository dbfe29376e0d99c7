package org.coalitionledger.ui;

import org.coalitionledger.agreement.query.AgreementSummary;
import org.coalitionledger.coalition.query.CoalitionPage;
import org.coalitionledger.coalition.query.CoalitionSummary;
import org.coalitionledger.history.query.EventLogResponse.LogEntry;
import org.coalitionledger.web.Params;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every coalition with its leads, member count, agreements and last recorded act, a page at a time: three queries
 * per page (the coalitions, their agreements, their last acts), however many coalitions the ledger holds.
 */
@Controller
class OverviewPage {

    /** Coalitions on a page of the overview when {@code size} is not given. */
    static final int DEFAULT_SIZE = 50;
    /** The largest page of the overview. */
    static final int MAX_SIZE = 500;

    private final Ledger ledger;
    private final Clock clock;

    OverviewPage(Ledger ledger, Clock clock) {
        this.clock = clock;
        this.ledger = ledger;
    }

    /** One line of the overview. */
    public record Line(CoalitionSummary coalition, List<AgreementSummary> agreements, LogEntry lastAct) {
    }

    /** Where the page stands in the list, with links to the pages before and after it (null at either end). */
    public record Pager(long page, long pages, long total, int size, String first, String previous, String next,
                        String last) {
    }

    @GetMapping("/")
    String overview(@RequestParam(required = false) String asOf, @RequestParam(required = false) String knownAt,
                    @RequestParam(required = false) String page, @RequestParam(required = false) String size,
                    Model model) {
        TimeQuery time = TimeQuery.of(asOf, knownAt, clock);
        CoalitionPage coalitions = ledger.coalitions(time.asOf(), time.knownAt(),
                                                     Params.page(page, Params.FIRST_PAGE),
                                                     Params.size(size, DEFAULT_SIZE, MAX_SIZE));
        List<String> ids = coalitions.coalitions().stream().map(CoalitionSummary::coalition).toList();
        Map<String, List<AgreementSummary>> agreements = ledger.agreementsOf(ids, time.asOf(), time.knownAt())
                .stream().collect(Collectors.groupingBy(AgreementSummary::coalition));
        Map<String, LogEntry> lastActs = ledger.lastActs(ids, time.knownAt()).stream()
                .collect(Collectors.toMap(LogEntry::coalition, Function.identity(), (a, b) -> a));
        List<Line> lines = coalitions.coalitions().stream()
                .map(coalition -> new Line(coalition, agreements.getOrDefault(coalition.coalition(), List.of()),
                                           lastActs.get(coalition.coalition())))
                .toList();
        model.addAttribute("time", time);
        model.addAttribute("lines", lines);
        model.addAttribute("pager", pager(coalitions, asOf, knownAt, size != null && !size.isBlank()));
        return "overview";
    }

    private static Pager pager(CoalitionPage shown, String asOf, String knownAt, boolean sizeGiven) {
        long pages = shown.pages();
        Function<Long, String> link = number -> {
            UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/");
            if (asOf != null && !asOf.isBlank()) {
                uri.queryParam("asOf", asOf);
            }
            if (knownAt != null && !knownAt.isBlank()) {
                uri.queryParam("knownAt", knownAt);
            }
            uri.queryParam("page", number);
            if (sizeGiven) {
                uri.queryParam("size", shown.size());
            }
            return uri.encode().build().toUriString();
        };
        long page = shown.page();
        return new Pager(page, pages, shown.total(), shown.size(),
                         page > 1 ? link.apply(1L) : null,
                         page > 1 ? link.apply(Math.min(page - 1, pages)) : null,
                         page < pages ? link.apply(page + 1) : null,
                         page < pages ? link.apply(pages) : null);
    }
}
