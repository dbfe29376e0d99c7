package org.coalitionledger.ui;

import org.coalitionledger.agreement.query.AgreementSummary;
import org.coalitionledger.common.Checks;
import org.coalitionledger.common.Rejection;
import org.coalitionledger.history.query.EventLogResponse;
import org.coalitionledger.history.query.FindEventLogQuery;
import org.coalitionledger.review.query.FindReviewLogQuery;
import org.coalitionledger.review.query.ReviewLogEntry;
import org.coalitionledger.web.Params;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The audit pages, for auditors: the event log (every act, correction and retraction, and every review opened,
 * finding given and review completed, as recorded, newest first)
 * with filters, the verification status, and the downloads of the bundle and the report.
 */
@Controller
class AuditPages {

    static final int PAGE = 500;

    private final Ledger ledger;
    private final Clock clock;
    private final ObjectProvider<AuditStatus> status;

    AuditPages(Ledger ledger, ObjectProvider<AuditStatus> status, Clock clock) {
        this.clock = clock;
        this.ledger = ledger;
        this.status = status;
    }

    /** The filters as typed, for the form. */
    public record Filters(String coalition, String party, String recordedBy, String from, String to) {
    }

    @GetMapping("/audit")
    String log(@RequestParam(required = false) String coalition, @RequestParam(required = false) String party,
               @RequestParam(required = false) String recordedBy, @RequestParam(required = false) String from,
               @RequestParam(required = false) String to, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        String coalitionId = check(errors, "coalition", coalition, value -> Checks.slug("coalition", value));
        String partyCode = check(errors, "party", party, value -> Checks.party("party", value.toUpperCase()));
        String recorder = blank(recordedBy) ? null : recordedBy.strip();
        LocalDate fromDay = check(errors, "from", from, value -> Params.day("from", value, null));
        LocalDate toDay = check(errors, "to", to, value -> Params.day("to", value, null));
        if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
            errors.put("to", "to " + toDay + " is before from " + fromDay);
        }
        Instant until = toDay == null ? null : start(toDay.plusDays(1));
        EventLogResponse log = errors.isEmpty()
                ? withReviews(ledger.log(new FindEventLogQuery(coalitionId, partyCode, recorder, start(fromDay),
                                                               until, PAGE)),
                              partyCode != null ? List.of() : ledger.reviewLog(new FindReviewLogQuery(
                                      coalitionId, recorder, start(fromDay), until, PAGE + 1)))
                : new EventLogResponse(java.util.List.of(), false);
        model.addAttribute("filters", new Filters(coalition, party, recordedBy, from, to));
        model.addAttribute("errors", errors);
        model.addAttribute("log", log);
        model.addAttribute("sources", Sources.of(log.entries().stream().map(EventLogResponse.LogEntry::source)
                .toList()));
        model.addAttribute("agreementTitles", ledger.agreements(null, TimeQuery.END_OF_TIME, clock.instant())
                .stream().collect(Collectors.toMap(AgreementSummary::agreement, AgreementSummary::title,
                                                   (a, b) -> a)));
        model.addAttribute("page", PAGE);
        model.addAttribute("coalitions", ledger.coalitions(LocalDate.of(9999, 1, 1), clock.instant()));
        model.addAttribute("status", status.getIfAvailable(() -> AuditStatus.UNAVAILABLE).report());
        return "audit";
    }

    /**
     * The acts' log and the review events together, newest first, at most a page: a review event has no party, so a
     * party filter leaves review events out; a finding names the act it is on as the record it is about.
     */
    private static EventLogResponse withReviews(EventLogResponse acts, List<ReviewLogEntry> reviews) {
        if (reviews.isEmpty()) {
            return acts;
        }
        List<EventLogResponse.LogEntry> all = new ArrayList<>(acts.entries());
        reviews.forEach(review -> all.add(new EventLogResponse.LogEntry(
                review.recordId(), review.command(), review.coalition(), null, null, null, null, review.act(), null,
                review.verdict() == null ? review.detail()
                        : review.verdict() + (review.detail() == null ? "" : ": " + review.detail()),
                review.recordedBy(), review.recordedAt(), review.position())));
        all.sort(Comparator.comparingLong(EventLogResponse.LogEntry::position).reversed());
        return new EventLogResponse(all.stream().limit(PAGE).toList(),
                                    acts.more() || reviews.size() > PAGE || all.size() > PAGE);
    }

    private static Instant start(LocalDate day) {
        return day == null ? null : day.atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    private static <T> T check(Map<String, String> errors, String field, String value,
                               java.util.function.Function<String, T> parse) {
        if (blank(value)) {
            return null;
        }
        try {
            return parse.apply(value.strip());
        } catch (Rejection e) {
            errors.put(field, e.getMessage());
            return null;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
