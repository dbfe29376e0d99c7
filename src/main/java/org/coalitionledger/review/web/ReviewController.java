package org.coalitionledger.review.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.coalitionledger.review.ReviewScope;
import org.coalitionledger.review.ReviewStatusResponse;
import org.coalitionledger.web.Params;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.security.Principal;
import java.time.Clock;

/**
 * Audit reviews: an auditor opens a review of a coalition up to a signed checkpoint, gives a verdict on each act
 * of its scope, and completes it; reviews and findings are events of the ledger, sealed like every other
 * (docs/audit.md, "Reviews"). The work is done by {@link Reviews}, which the review pages share.
 */
@RestController
@Tag(name = "Reviews")
class ReviewController {

    private static final String CHANNEL = "api";

    private final Reviews reviews;
    private final ReviewScope scope;
    private final Clock clock;

    ReviewController(Reviews reviews, ReviewScope scope, Clock clock) {
        this.reviews = reviews;
        this.scope = scope;
        this.clock = clock;
    }

    @PostMapping("/api/reviews")
    @Operation(summary = "Open a review of a coalition's acts up to a checkpoint (body: coalition, checkpoint,"
            + " optional from/to, title)")
    ResponseEntity<ReviewAnswers.Opened> open(@RequestBody OpenReviewRequest request, Principal principal) {
        ReviewAnswers.Opened opened = reviews.open(request, Params.caller(principal), CHANNEL);
        return ResponseEntity.created(URI.create("/api/reviews/" + opened.review())).body(opened);
    }

    @PostMapping("/api/reviews/{review}/findings")
    @Operation(summary = "Give a verdict on one act of the review (body: recordId, verdict, comment, evidence);"
            + " replaces an earlier finding on the same act")
    ResponseEntity<ReviewAnswers.Given> find(@PathVariable String review, @RequestBody FindingRequest request,
                                             Principal principal) {
        return ResponseEntity.status(201).body(reviews.find(review, request, Params.caller(principal), CHANNEL));
    }

    @PostMapping("/api/reviews/{review}/completion")
    @Operation(summary = "Complete a review (its owner only): records the checkpoint's size and root hash and every"
            + " finding; the review is read-only afterwards")
    ResponseEntity<ReviewAnswers.Completed> complete(@PathVariable String review, Principal principal) {
        return ResponseEntity.status(201).body(reviews.complete(review, Params.caller(principal), CHANNEL));
    }

    @GetMapping("/api/reviews/{review}")
    @Operation(summary = "A review, its findings, and the acts in its scope with no finding yet")
    ReviewAnswers.Detail review(@PathVariable String review) {
        return reviews.review(review);
    }

    @GetMapping("/api/coalitions/{coalition}/review-status")
    @Operation(summary = "Each act of a coalition with the latest completed review's verdict on it, as known at"
            + " knownAt")
    ReviewStatusResponse status(@PathVariable String coalition, @RequestParam(required = false) String knownAt) {
        return scope.status(coalition, Params.knownAt(knownAt, clock));
    }
}
