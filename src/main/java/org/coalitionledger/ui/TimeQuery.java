package org.coalitionledger.ui;

import org.coalitionledger.common.Rejection;
import org.coalitionledger.web.Params;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The two clocks a page is shown for, read from its URL: {@code asOf} (a day, default today) and {@code knownAt}
 * (an instant, default now). A malformed value is kept as typed, with an error for its field, and the default used.
 */
public record TimeQuery(LocalDate asOf, Instant knownAt, String asOfText, String knownAtText,
                        Map<String, String> errors) {

    /** A day far enough ahead that a chart asked up to it shows every interval's and commitment's whole course. */
    static final LocalDate END_OF_TIME = LocalDate.of(9999, 1, 1);

    static TimeQuery of(String asOf, String knownAt, Clock clock) {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate day = LocalDate.now(clock);
        try {
            day = Params.asOf(blankToNull(asOf), clock);
        } catch (Rejection e) {
            errors.put("asOf", e.getMessage());
        }
        Instant known = clock.instant();
        try {
            known = Params.knownAt(blankToNull(knownAt), clock);
        } catch (Rejection e) {
            errors.put("knownAt", e.getMessage());
        }
        return new TimeQuery(day, known, asOf == null || asOf.isBlank() ? day.toString() : asOf,
                             knownAt == null ? "" : knownAt, errors);
    }

    /** True when the page looks at the ledger as it stood at a given moment rather than now. */
    public boolean pinned() {
        return !knownAtText.isBlank() && !errors.containsKey("knownAt");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
