package org.coalitionledger.web;

import org.coalitionledger.agreement.web.RegisterAgreementRequest;
import org.coalitionledger.coalition.web.FormCoalitionRequest;
import org.coalitionledger.common.Rejection;
import org.coalitionledger.common.Rejection.FieldError;
import org.coalitionledger.common.Source;
import org.coalitionledger.correction.web.CorrectionRequest;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RequestsTest {

    private static final Source SOURCE = new Source("Report", "https://example.org/r", null, null, null);
    private static final Clock TODAY = Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC);

    private final Requests requests = new Requests(TODAY);

    @Test
    void aValidRequestPasses() {
        FormCoalitionRequest request = new FormCoalitionRequest("it-coalition", "IT Coalition", "UDCG",
                                                                List.of("IT"), "2023-09", SOURCE, null);
        assertThat(requests.valid(request)).isSameAs(request);
    }

    @Test
    void everyFieldAtFaultIsReportedInTheOrderOfTheRecord() {
        Rejection rejection = catchThrowableOfType(Rejection.class, () -> requests.valid(
                new FormCoalitionRequest("Bad Id", " ", null, List.of("a\nb"), "2999", null, null)));
        assertThat(rejection.reason()).isEqualTo(Rejection.Reason.INVALID);
        assertThat(rejection.field()).isEqualTo("coalition");
        assertThat(rejection.errors()).extracting(FieldError::field)
                .containsExactly("coalition", "name", "focusAreas[0]", "effectiveDate", "source");
    }

    @Test
    void theFutureIsWhatTheClockSaysItIs() {
        FormCoalitionRequest request = new FormCoalitionRequest("it-coalition", "IT Coalition", null, null,
                                                                "2026-06-02", SOURCE, null);
        assertThat(catchThrowableOfType(Rejection.class, () -> requests.valid(request)).errors())
                .extracting(FieldError::field).containsExactly("effectiveDate");
        Clock dayAfter = Clock.offset(TODAY, Duration.ofDays(1));
        assertThat(new Requests(dayAfter).valid(request)).isSameAs(request);
    }

    @Test
    void anOptionalDateIsCheckedOnlyWhenGiven() {
        assertThat(requests.valid(new RegisterAgreementRequest("it-agreement", "it-coalition", "Agreement", "P6Y",
                                                               null, SOURCE, null))).isNotNull();
        Rejection rejection = catchThrowableOfType(Rejection.class, () -> requests.valid(
                new RegisterAgreementRequest("it-agreement", "it-coalition", "Agreement", "six years", "2024-02-30",
                                             SOURCE, null)));
        assertThat(rejection.errors()).extracting(FieldError::field).containsExactly("commitmentTerm",
                                                                                     "effectiveDate");
    }

    @Test
    void messagesAreTheLedgersOwnTextNeverInterpolated() {
        Rejection rejection = catchThrowableOfType(Rejection.class, () -> requests.valid(
                new CorrectionRequest("${1+1}{x}", "2024", null, SOURCE)));
        assertThat(rejection.errors()).extracting(FieldError::field).containsExactly("reason");
        Rejection idTooLong = catchThrowableOfType(Rejection.class, () -> requests.valid(
                new CorrectionRequest("${x}".repeat(20), "2024", "typo", SOURCE)));
        assertThat(idTooLong.errors().get(0).message()).startsWith("recordId is 80 characters long");
    }
}
