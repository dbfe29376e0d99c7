package org.coalitionledger.ui;

import jakarta.servlet.http.HttpServletResponse;
import org.coalitionledger.common.Rejection;
import org.coalitionledger.common.Source;
import org.coalitionledger.history.query.HistoryResponse.Entry;
import org.coalitionledger.review.ReviewTree;
import org.coalitionledger.review.event.Verdict;
import org.coalitionledger.review.query.ReviewResponse;
import org.coalitionledger.review.web.FindingRequest;
import org.coalitionledger.review.web.OpenReviewRequest;
import org.coalitionledger.review.web.ReviewAnswers;
import org.coalitionledger.review.web.Reviews;
import org.coalitionledger.web.Params;
import org.coalitionledger.web.RejectionStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The review pages, for auditors: the reviews with a form to open one at the latest checkpoint, and a review's acts
 * one after the other with their sources, evidence, recorder and record time, a verdict per act in one click, the
 * progress, and the completion. Every post goes through {@link Reviews}, as the API's does (channel {@code web});
 * a refusal (four eyes, a missing comment, a completed review) is shown on the page, and nothing is written.
 */
@Controller
class ReviewPages {

    private static final String CHANNEL = "web";

    private final Reviews reviews;
    private final Ledger ledger;
    private final Clock clock;

    ReviewPages(Reviews reviews, Ledger ledger, Clock clock) {
        this.reviews = reviews;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** The open form as typed. */
    public record OpenForm(String coalition, String title, String from, String to) {
    }

    /** One act of a review's scope with its current finding (null while unchecked). */
    public record Act(int number, Entry entry, ReviewResponse.Finding finding) {

        public List<String> evidence() {
            Source source = entry.source();
            return source == null || source.evidence() == null ? List.of() : source.evidence();
        }
    }

    /** A review as its page shows it: the acts in order, how many are checked, and the verdicts so far. */
    public record Page(ReviewResponse review, List<Act> acts, long checked, Map<Verdict, Long> verdicts,
                       Sources sources) {

        public boolean completed() {
            return review.completed();
        }
    }

    @GetMapping("/audit/reviews")
    String list(Model model) {
        return listPage(new OpenForm(null, null, null, null), Map.of(), model);
    }

    @PostMapping("/audit/reviews")
    String open(@RequestParam(required = false) String coalition, @RequestParam(required = false) String title,
                @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                Principal principal, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        OpenForm form = new OpenForm(coalition, title, from, to);
        Optional<ReviewTree.Checkpoint> checkpoint = reviews.latestCheckpoint();
        try {
            if (checkpoint.isEmpty()) {
                throw Rejection.notFound("checkpoint", "no checkpoint has been signed yet: a review covers the acts"
                        + " sealed inside one (POST /api/audit/checkpoints)");
            }
            ReviewAnswers.Opened opened = reviews.open(new OpenReviewRequest(
                    blank(coalition), checkpoint.get().treeSize(), blank(from), blank(to), blank(title)),
                                                       Params.caller(principal), CHANNEL);
            redirect.addFlashAttribute("recorded", "Opened the review \u201c" + opened.title() + "\u201d of "
                    + opened.coalition() + " at checkpoint " + opened.checkpoint()
                    + (opened.visible() ? "" : "; the page may take a moment to show it"));
            return "redirect:/audit/reviews/" + opened.review();
        } catch (Rejection rejection) {
            response.setStatus(RejectionStatus.of(rejection).value());
            return listPage(form, errors(rejection, field -> field), model);
        }
    }

    @GetMapping("/audit/reviews/{review}")
    String review(@PathVariable String review, Model model) {
        return reviewPage(review, null, Map.of(), model);
    }

    @PostMapping("/audit/reviews/{review}/findings")
    String find(@PathVariable String review, @RequestParam(required = false) String recordId,
                @RequestParam(required = false) String verdict, @RequestParam(required = false) String comment,
                Principal principal, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            ReviewAnswers.Given given = reviews.find(review, new FindingRequest(recordId, verdict, blank(comment),
                                                                                null),
                                                     Params.caller(principal), CHANNEL);
            redirect.addFlashAttribute("recorded", "Recorded " + given.verdict() + " on act " + given.act()
                    + (given.visible() ? "" : "; the page may take a moment to show it"));
            return "redirect:/audit/reviews/" + review + "#act-" + given.act();
        } catch (Rejection rejection) {
            response.setStatus(RejectionStatus.of(rejection).value());
            Map<String, String> typed = new LinkedHashMap<>();
            typed.put("recordId", recordId);
            typed.put("comment", comment);
            return reviewPage(review, typed, errors(rejection, field -> field), model);
        }
    }

    @PostMapping("/audit/reviews/{review}/completion")
    String complete(@PathVariable String review, Principal principal, Model model, HttpServletResponse response,
                    RedirectAttributes redirect) {
        try {
            ReviewAnswers.Completed completed = reviews.complete(review, Params.caller(principal), CHANNEL);
            redirect.addFlashAttribute("recorded", "Completed the review: " + completed.actsChecked() + " of "
                    + completed.actsInScope() + " acts checked ("
                    + completed.verdicts().entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                            .collect(Collectors.joining(", "))
                    + "), sealed at checkpoint " + completed.checkpoint());
            return "redirect:/audit/reviews/" + review;
        } catch (Rejection rejection) {
            response.setStatus(RejectionStatus.of(rejection).value());
            return reviewPage(review, null, errors(rejection, field -> "completion"), model);
        }
    }

    private String listPage(OpenForm form, Map<String, String> errors, Model model) {
        model.addAttribute("reviews", reviews.reviews());
        model.addAttribute("checkpoint", reviews.latestCheckpoint().orElse(null));
        model.addAttribute("coalitions", ledger.coalitions(LocalDate.of(9999, 1, 1), clock.instant()));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "reviews";
    }

    private String reviewPage(String review, Map<String, String> typed, Map<String, String> errors, Model model) {
        ReviewResponse found = reviews.fetch(review);
        Map<String, ReviewResponse.Finding> findings = found.findings().stream()
                .collect(Collectors.toMap(ReviewResponse.Finding::recordId, finding -> finding, (a, b) -> b));
        List<Act> acts = new ArrayList<>();
        for (Entry entry : reviews.acts(found)) {
            acts.add(new Act(acts.size() + 1, entry, findings.get(entry.recordId())));
        }
        Map<Verdict, Long> verdicts = new LinkedHashMap<>();
        Arrays.stream(Verdict.values()).forEach(verdict -> verdicts.put(verdict, 0L));
        acts.stream().filter(act -> act.finding() != null)
                .forEach(act -> verdicts.merge(act.finding().verdict(), 1L, Long::sum));
        long checked = acts.stream().filter(act -> act.finding() != null).count();
        model.addAttribute("page", new Page(found, acts, checked, verdicts,
                                            Sources.of(acts.stream().map(act -> act.entry().source()).toList())));
        model.addAttribute("typed", typed == null ? Map.of() : typed);
        model.addAttribute("errors", errors);
        model.addAttribute("verdictValues", Verdict.values());
        model.addAttribute("agreementTitles", ledger.agreements(found.coalition(), TimeQuery.END_OF_TIME,
                                                                clock.instant()).stream()
                .collect(Collectors.toMap(a -> a.agreement(), a -> a.title(), (a, b) -> a)));
        return "review";
    }

    private static Map<String, String> errors(Rejection rejection, Function<String, String> key) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (Rejection.FieldError error : rejection.errors()) {
            errors.merge(key.apply(error.field() == null ? "" : error.field()), error.message(),
                         (a, b) -> a + "; " + b);
        }
        if (errors.isEmpty()) {
            errors.put(key.apply(""), rejection.getMessage());
        }
        return errors;
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
