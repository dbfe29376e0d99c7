package org.coalitionledger.ui;

import org.coalitionledger.agreement.query.AgreementSummary;
import org.coalitionledger.agreement.query.Commitment;
import org.coalitionledger.agreement.query.CommitmentsResponse;
import org.coalitionledger.agreement.query.PartiesResponse;
import org.coalitionledger.coalition.query.CoalitionSummary;
import org.coalitionledger.coalition.query.TimelineResponse;
import org.coalitionledger.coalition.query.TimelineResponse.PartyTimeline;
import org.coalitionledger.coalition.query.TimelineResponse.Span;
import org.coalitionledger.common.PartialDate;
import org.coalitionledger.common.Precision;
import org.coalitionledger.common.Source;
import org.coalitionledger.history.query.HistoryResponse;
import org.coalitionledger.review.ReviewScope;
import org.coalitionledger.review.ReviewStatusResponse;
import org.coalitionledger.history.query.HistoryResponse.Entry;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A coalition on a day as known at a moment: members, a timeline of each party's intervals, commitments as bars,
 * and the history with its sources. The URL carries {@code asOf} and {@code knownAt}, so a view can be shared.
 */
@Controller
class CoalitionPage {

    /** How many acts the history shows, the latest in effective-date order, until all are asked for. */
    static final int LATEST_ACTS = 15;

    private final Ledger ledger;
    private final Clock clock;
    private final Labels labels;
    private final ReviewScope reviewScope;

    CoalitionPage(Ledger ledger, Labels labels, ReviewScope reviewScope, Clock clock) {
        this.reviewScope = reviewScope;
        this.clock = clock;
        this.ledger = ledger;
        this.labels = labels;
    }

    /** The slider: days since formation, from 0 to {@code max}, at {@code value}. */
    public record Slider(LocalDate first, LocalDate last, long max, long value) {
    }

    /**
     * The history as the page shows it: the latest acts, or all of them; the addresses that switch between the two
     * (keeping the day and the record time); and the bibliography of the acts shown.
     */
    public record History(List<Entry> entries, int total, boolean all, String allHref, String latestHref,
                          Sources sources) {

        /** True when some acts are left out. */
        public boolean partial() {
            return entries.size() < total;
        }

        /** True when there is a choice between the latest acts and all of them. */
        public boolean switchable() {
            return total > LATEST_ACTS;
        }
    }

    @GetMapping("/coalitions/{coalition}")
    String coalition(@PathVariable String coalition, @RequestParam(required = false) String asOf,
                     @RequestParam(required = false) String knownAt,
                     @RequestParam(required = false) String history, Model model) {
        TimeQuery time = TimeQuery.of(asOf, knownAt, clock);
        LocalDate day = time.asOf();
        Instant known = time.knownAt();
        CoalitionSummary summary = ledger.coalition(coalition, day, known);
        LocalDate today = LocalDate.now(clock);
        LocalDate formationCounted = PartialDate.parse(summary.formedOn()).start();

        TimelineResponse timeline = ledger.timeline(coalition, formationCounted, TimeQuery.END_OF_TIME, known);
        // a formation known only as "on or before" a day counts from that day, and acts may count from earlier:
        // the slider and the charts start with whichever comes first
        LocalDate formed = timeline.parties().stream().flatMap(party -> party.intervals().stream())
                .map(span -> PartialDate.parse(span.start()).start())
                .filter(start -> start.isBefore(formationCounted)).min(Comparator.naturalOrder())
                .orElse(formationCounted);
        LocalDate lastChange = timeline.parties().stream().flatMap(party -> party.intervals().stream())
                .flatMap(span -> span.end() == null ? java.util.stream.Stream.of(span.start())
                                                    : java.util.stream.Stream.of(span.start(), span.end()))
                .map(text -> PartialDate.parse(text).start()).max(Comparator.naturalOrder()).orElse(formed);
        LocalDate last = latest(today, lastChange);
        Slider slider = new Slider(formed, last, ChronoUnit.DAYS.between(formed, last),
                                   Math.max(0, Math.min(ChronoUnit.DAYS.between(formed, last),
                                                        ChronoUnit.DAYS.between(formed, day))));

        List<AgreementSummary> agreements = ledger.agreements(coalition, day, known);
        List<CommitmentsResponse> onDay = agreements.stream()
                .map(agreement -> ledger.commitments(agreement.agreement(), day, known))
                .flatMap(java.util.Optional::stream).toList();
        List<CommitmentsResponse> whole = agreements.stream()
                .map(agreement -> ledger.commitments(agreement.agreement(), TimeQuery.END_OF_TIME, known))
                .flatMap(java.util.Optional::stream).toList();

        model.addAttribute("time", time);
        model.addAttribute("coalition", summary);
        model.addAttribute("members", ledger.members(coalition, day, known));
        model.addAttribute("slider", slider);
        model.addAttribute("membershipChart", membershipChart(timeline, formed, latest(last, day).plusDays(45),
                                                              day, today));
        model.addAttribute("agreements", agreements);
        model.addAttribute("commitments", onDay);
        model.addAttribute("commitmentChart", commitmentChart(whole, formed, day, today));
        model.addAttribute("treaties", agreements.stream()
                .map(agreement -> treaty(agreement, day, known, formed, today))
                .flatMap(java.util.Optional::stream).toList());
        List<AgreementSummary> everAgreed = ledger.agreements(coalition, TimeQuery.END_OF_TIME, known);
        model.addAttribute("agreementTitles", everAgreed.stream()
                .collect(Collectors.toMap(AgreementSummary::agreement, AgreementSummary::title, (a, b) -> a)));
        model.addAttribute("history", history(coalition, time, asOf, "all".equals(history)));
        // each act's standing with the completed reviews as known at knownAt, as GET .../review-status answers it
        model.addAttribute("reviewStatus", reviewScope.status(coalition, known).acts().stream()
                .collect(java.util.stream.Collectors.toMap(ReviewStatusResponse.ActStatus::recordId,
                                                           status -> status, (a, b) -> b)));
        return "coalition";
    }

    private History history(String coalition, TimeQuery time, String asOf, boolean all) {
        List<Entry> entries = ledger.history(coalition, time.knownAt()).map(HistoryResponse::entries)
                .orElse(List.of());
        List<Entry> shown = all || entries.size() <= LATEST_ACTS ? entries
                : entries.subList(entries.size() - LATEST_ACTS, entries.size());
        List<Source> citations = new ArrayList<>();
        for (Entry entry : shown) {
            citations.add(entry.source());
            entry.corrections().forEach(correction -> citations.add(correction.source()));
        }
        UriComponentsBuilder self = UriComponentsBuilder.fromPath("/coalitions/{coalition}");
        if (asOf != null && !asOf.isBlank() && !time.errors().containsKey("asOf")) {
            self.queryParam("asOf", time.asOf());
        }
        if (time.pinned()) {
            self.queryParam("knownAt", time.knownAt());
        }
        String latest = self.cloneBuilder().fragment("history").buildAndExpand(coalition).encode().toUriString();
        String every = self.queryParam("history", "all").fragment("history").buildAndExpand(coalition).encode()
                .toUriString();
        return new History(shown, entries.size(), all, every, latest, Sources.of(citations));
    }

    private Chart membershipChart(TimelineResponse timeline, LocalDate from, LocalDate to, LocalDate day,
                                  LocalDate today) {
        Chart chart = new Chart(from, to);
        for (PartyTimeline party : timeline.parties()) {
            Chart.Row row = chart.row(party.party() + " " + party.name(), "/parties/" + party.party());
            List<Span> spans = new ArrayList<>(party.intervals());
            // leads are drawn over the membership they lie in
            spans.sort(Comparator.comparing(span -> span.role().ordinal()));
            for (Span span : spans) {
                PartialDate start = PartialDate.parse(span.start());
                LocalDate end = span.end() == null ? null : PartialDate.parse(span.end()).start();
                String text = Steps.role(span);
                String precision = labels.precision(span.startPrecision());
                chart.bar(row, start.start(), end, text, (precision.isEmpty() ? "" : "≈ ") + text,
                          Steps.tooltip(party.name(), span, precision), span.startPrecision() != Precision.DAY);
            }
        }
        chart.marker(today, "today");
        if (!day.equals(today)) {
            chart.marker(day, "shown: " + day);
        }
        return chart;
    }

    private Chart commitmentChart(List<CommitmentsResponse> agreements, LocalDate formed, LocalDate day,
                                  LocalDate today) {
        LocalDate to = today;
        LocalDate from = formed;
        for (CommitmentsResponse agreement : agreements) {
            for (Commitment commitment : agreement.commitments()) {
                to = latest(to, commitment.end());
                LocalDate start = PartialDate.parse(commitment.start()).start();
                from = start.isBefore(from) ? start : from;
            }
        }
        Chart chart = new Chart(from, latest(to, day).plusDays(60));
        for (CommitmentsResponse agreement : agreements) {
            for (Commitment commitment : agreement.commitments()) {
                PartialDate start = PartialDate.parse(commitment.start());
                boolean withdrawn = commitment.withdrawalRecordId() != null;
                String precision = labels.precision(start.precision());
                String status = withdrawn ? "withdrawn" : "committed";
                Chart.Row row = chart.row(commitment.party() + " " + commitment.name(),
                                          "/parties/" + commitment.party());
                String until = commitment.end() == null ? ", open-ended" : " until " + commitment.end();
                chart.bar(row, start.start(), commitment.end(), withdrawn ? "withdrawn" : "committed",
                          (precision.isEmpty() ? "" : "≈ ") + status + until,
                          commitment.name() + " under " + agreement.title() + ": from " + commitment.start()
                                  + (precision.isEmpty() ? "" : " (" + precision + ")") + until
                                  + (withdrawn ? " (withdrawn)" : ""),
                          start.precision() != Precision.DAY);
            }
        }
        chart.marker(today, "today");
        if (!day.equals(today)) {
            chart.marker(day, "shown: " + day);
        }
        return chart;
    }

    /** One agreement's parties on the day shown, and a bar per party through its steps as known now. */
    record Treaty(String agreement, String title, PartiesResponse parties, Chart chart) {
    }

    private java.util.Optional<Treaty> treaty(AgreementSummary agreement, LocalDate day, Instant known,
                                              LocalDate formed, LocalDate today) {
        java.util.Optional<PartiesResponse> onDay = ledger.parties(agreement.agreement(), day, known);
        java.util.Optional<PartiesResponse> whole = ledger.parties(agreement.agreement(), TimeQuery.END_OF_TIME,
                                                                   known);
        if (onDay.isEmpty() || whole.isEmpty() || whole.get().parties().isEmpty()) {
            return java.util.Optional.empty();
        }
        LocalDate to = latest(today, day);
        for (PartiesResponse.Party party : whole.get().parties()) {
            if (party.withdrawalTakesEffect() != null) {
                to = latest(to, PartialDate.parse(party.withdrawalTakesEffect()).start());
            }
        }
        Chart chart = new Chart(formed, to.plusDays(60));
        for (PartiesResponse.Party party : whole.get().parties()) {
            Chart.Row row = chart.row(party.party() + " " + party.name(), "/parties/" + party.party());
            String[][] steps = {{party.signed(), "signed"}, {party.consented(), "consented"},
                {party.inForceFrom(), "in-force"}, {party.withdrawalNotified(), "notice"},
                {party.withdrawalTakesEffect(), "withdrawn"}};
            for (int i = 0; i < steps.length; i++) {
                if (steps[i][0] == null) {
                    continue;
                }
                PartialDate start = PartialDate.parse(steps[i][0]);
                LocalDate end = null;
                for (int j = i + 1; j < steps.length && end == null; j++) {
                    end = steps[j][0] == null ? null : PartialDate.parse(steps[j][0]).start();
                }
                boolean withdrawn = "withdrawn".equals(steps[i][1]);
                chart.bar(row, start.start(), withdrawn ? start.start() : end, steps[i][1],
                          labelOf(steps[i][1]), party.name() + ": " + labelOf(steps[i][1]) + " " + steps[i][0],
                          start.precision() != Precision.DAY);
            }
        }
        chart.marker(today, "today");
        if (!day.equals(today)) {
            chart.marker(day, "shown: " + day);
        }
        return java.util.Optional.of(new Treaty(agreement.agreement(), agreement.title(), onDay.get(), chart));
    }

    private static String labelOf(String step) {
        return switch (step) {
            case "in-force" -> "in force";
            case "notice" -> "notice given";
            default -> step;
        };
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return b == null || a.isAfter(b) ? a : b;
    }
}
