package org.coalitionledger.ui;

import org.coalitionledger.agreement.query.AgreementSummary;
import org.coalitionledger.agreement.query.Commitment;
import org.coalitionledger.coalition.query.CoalitionSummary;
import org.coalitionledger.coalition.query.PartyMemberships;
import org.coalitionledger.coalition.query.TimelineResponse.PartyTimeline;
import org.coalitionledger.coalition.query.TimelineResponse.Span;
import org.coalitionledger.common.PartialDate;
import org.coalitionledger.common.Parties;
import org.coalitionledger.common.Precision;
import org.coalitionledger.web.Params;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** One state across the ledger: its coalitions and commitments on a day, and over time. */
@Controller
class PartyPage {

    private final Ledger ledger;
    private final Clock clock;
    private final Labels labels;

    PartyPage(Ledger ledger, Labels labels, Clock clock) {
        this.clock = clock;
        this.ledger = ledger;
        this.labels = labels;
    }

    @GetMapping("/parties/{code}")
    String party(@PathVariable String code, @RequestParam(required = false) String asOf,
                 @RequestParam(required = false) String knownAt, Model model) {
        String party = Params.party(code);
        TimeQuery time = TimeQuery.of(asOf, knownAt, clock);
        PartyMemberships memberships = ledger.memberships(party, time.asOf(), time.knownAt());
        List<Commitment> commitments = ledger.commitmentsOf(party, time.asOf(), time.knownAt());
        List<Commitment> allCommitments = ledger.commitmentsOf(party, TimeQuery.END_OF_TIME, time.knownAt());

        LocalDate today = LocalDate.now(clock);
        List<CoalitionSummary> coalitions = ledger.coalitions(TimeQuery.END_OF_TIME, time.knownAt());
        List<Lane> lanes = new ArrayList<>();
        LocalDate from = today;
        LocalDate to = today;
        for (CoalitionSummary coalition : coalitions) {
            LocalDate formed = PartialDate.parse(coalition.formedOn()).start();
            List<Span> spans = ledger.timeline(coalition.coalition(), formed, TimeQuery.END_OF_TIME, time.knownAt())
                    .parties().stream().filter(p -> p.party().equals(party))
                    .map(PartyTimeline::intervals).findFirst().orElse(List.of());
            if (!spans.isEmpty()) {
                lanes.add(new Lane(coalition, spans));
                for (Span span : spans) {
                    LocalDate start = PartialDate.parse(span.start()).start();
                    from = start.isBefore(from) ? start : from;
                    if (span.end() != null) {
                        LocalDate end = PartialDate.parse(span.end()).start();
                        to = end.isAfter(to) ? end : to;
                    }
                }
            }
        }
        for (Commitment commitment : allCommitments) {
            LocalDate start = PartialDate.parse(commitment.start()).start();
            from = start.isBefore(from) ? start : from;
            to = commitment.end() != null && commitment.end().isAfter(to) ? commitment.end() : to;
        }
        Map<String, String> titles = ledger.agreements(null, TimeQuery.END_OF_TIME, time.knownAt()).stream()
                .collect(Collectors.toMap(AgreementSummary::agreement, AgreementSummary::title, (a, b) -> a));
        Chart chart = new Chart(from.minusDays(30), to.plusDays(60));
        List<Path> paths = new ArrayList<>();
        for (Lane lane : lanes) {
            Chart.Row row = chart.row(lane.coalition().name(), "/coalitions/" + lane.coalition().coalition());
            List<Span> spans = new ArrayList<>(lane.spans());
            spans.sort(Comparator.comparing(span -> span.role().ordinal()));
            for (Span span : spans) {
                String text = Steps.role(span);
                String precision = labels.precision(span.startPrecision());
                chart.bar(row, PartialDate.parse(span.start()).start(),
                          span.end() == null ? null : PartialDate.parse(span.end()).start(), text,
                          (precision.isEmpty() ? "" : "≈ ") + text,
                          Steps.tooltip(lane.coalition().name(), span, precision),
                          span.startPrecision() != Precision.DAY);
            }
            paths.add(new Path(lane.coalition(), Steps.path(lane.spans())));
        }
        for (Commitment commitment : allCommitments) {
            PartialDate start = PartialDate.parse(commitment.start());
            boolean withdrawn = commitment.withdrawalRecordId() != null;
            String title = titles.getOrDefault(commitment.agreement(), commitment.agreement());
            Chart.Row row = chart.row(title, "/coalitions/" + commitment.coalition());
            String precision = labels.precision(start.precision());
            String until = commitment.end() == null ? ", open-ended" : " until " + commitment.end();
            chart.bar(row, start.start(), commitment.end(), withdrawn ? "withdrawn" : "committed",
                      (precision.isEmpty() ? "" : "≈ ") + (withdrawn ? "withdrawn" : "committed") + until,
                      title + ": from " + commitment.start() + until + (withdrawn ? " (withdrawn)" : ""),
                      start.precision() != Precision.DAY);
        }
        chart.marker(today, "today");
        if (!time.asOf().equals(today)) {
            chart.marker(time.asOf(), "shown: " + time.asOf());
        }

        model.addAttribute("time", time);
        model.addAttribute("party", party);
        model.addAttribute("partyName", Parties.nameOf(party));
        model.addAttribute("memberships", memberships);
        model.addAttribute("commitments", commitments);
        model.addAttribute("chart", chart);
        model.addAttribute("paths", paths);
        model.addAttribute("agreementTitles", titles);
        model.addAttribute("everCommitted", !allCommitments.isEmpty());
        return "party";
    }

    /** The party's steps in one coalition, in words: "declared intent 2024-02-01, joined 2024-02-01". */
    public record Path(CoalitionSummary coalition, String steps) {
    }

    /** One coalition's intervals of the party. */
    record Lane(CoalitionSummary coalition, List<Span> spans) {
    }
}
