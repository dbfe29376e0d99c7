package org.coalitionledger.review.command;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.coalitionledger.common.Rejection;
import org.coalitionledger.review.event.FindingGiven;
import org.coalitionledger.review.event.ReviewCompleted;
import org.coalitionledger.review.event.ReviewOpened;
import org.coalitionledger.review.event.Verdict;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.hamcrest.Matchers.containsString;

class ReviewTest {

    private static final String ID = "review-1";
    private static final ReviewOpened OPENED = new ReviewOpened(ID, ID, "it-coalition", 27, null, null,
                                                                "Annual review", "ines");
    private static final String ROOT = "ab".repeat(32);

    private FixtureConfiguration<Review> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Review.class);
    }

    @Test
    void canOpenAReviewUpToACheckpoint() {
        fixture.givenNoPriorActivity()
                .when(new OpenReview(ID, ID, "it-coalition", 27, "2024-01-01", "2024-12-31", "Annual review", "ines"))
                .expectEvents(new ReviewOpened(ID, ID, "it-coalition", 27, "2024-01-01", "2024-12-31",
                                               "Annual review", "ines"));
    }

    @Test
    void cannotOpenAReviewWithoutACheckpoint() {
        fixture.givenNoPriorActivity()
                .when(new OpenReview(ID, ID, "it-coalition", 0, null, null, "Annual review", "ines"))
                .expectException(Rejection.class)
                .expectExceptionMessage(containsString("checkpoint"));
    }

    @Test
    void canConfirmAnActWithoutComment() {
        fixture.given(OPENED)
                .when(new GiveFinding(ID, "f-1", "act-1", Verdict.CONFIRMED, null, null, "ines", "rita"))
                .expectEvents(new FindingGiven("f-1", ID, "act-1", Verdict.CONFIRMED, null, null, "ines"));
    }

    @Test
    void cannotDisputeAnActWithoutComment() {
        fixture.given(OPENED)
                .when(new GiveFinding(ID, "f-1", "act-1", Verdict.DISPUTED, " ", null, "ines", "rita"))
                .expectException(Rejection.class)
                .expectExceptionMessage(containsString("comment"));
    }

    @Test
    void cannotReviewAnActOneRecordedOneself() {
        fixture.given(OPENED)
                .when(new GiveFinding(ID, "f-1", "act-1", Verdict.CONFIRMED, null, null, "ines", "ines"))
                .expectException(Rejection.class)
                .expectExceptionMessage(containsString("four eyes"))
                .expectNoEvents();
    }

    @Test
    void completionRecordsEveryFindingTheLaterReplacingTheEarlier() {
        fixture.given(OPENED,
                      new FindingGiven("f-1", ID, "act-1", Verdict.CONFIRMED, null, null, "ines"),
                      new FindingGiven("f-2", ID, "act-2", Verdict.SOURCE_UNAVAILABLE, "page gone", null, "ines"),
                      new FindingGiven("f-3", ID, "act-1", Verdict.DISPUTED, "another day", null, "ines"))
                .when(new CompleteReview(ID, "c-1", "ines", ROOT))
                .expectEvents(new ReviewCompleted("c-1", ID, 27, ROOT, List.of(
                        new ReviewCompleted.Finding("act-1", Verdict.DISPUTED, "another day", null, "ines", "f-3"),
                        new ReviewCompleted.Finding("act-2", Verdict.SOURCE_UNAVAILABLE, "page gone", null, "ines",
                                                    "f-2"))));
    }

    @Test
    void onlyTheOwnerMayComplete() {
        fixture.given(OPENED)
                .when(new CompleteReview(ID, "c-1", "audrey", ROOT))
                .expectException(Rejection.class)
                .expectExceptionMessage(containsString("owner"));
    }

    @Test
    void aCompletedReviewIsReadOnly() {
        fixture.given(OPENED, new ReviewCompleted("c-1", ID, 27, ROOT, List.of()))
                .when(new GiveFinding(ID, "f-1", "act-1", Verdict.CONFIRMED, null, null, "ines", "rita"))
                .expectException(Rejection.class)
                .expectExceptionMessage(containsString("read-only"));
        fixture.given(OPENED, new ReviewCompleted("c-1", ID, 27, ROOT, List.of()))
                .when(new CompleteReview(ID, "c-2", "ines", ROOT))
                .expectException(Rejection.class);
    }
}
