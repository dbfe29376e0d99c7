package org.coalitionledger.web;

import java.time.Clock;
import java.util.Objects;
import org.coalitionledger.common.Checks;
import org.coalitionledger.common.Rejection;
import org.coalitionledger.common.Text;

import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Reads query parameters with errors that name them, and the caller who records an act. */
public final class Params {

    /** The same years as every date ({@link Checks#inYears}). */
    private static final Instant EARLIEST = LocalDate.of(Checks.FIRST_YEAR, 1, 1).atStartOfDay(ZoneOffset.UTC)
            .toInstant();
    private static final Instant LATEST = LocalDate.of(Checks.LAST_YEAR + 1, 1, 1).atStartOfDay(ZoneOffset.UTC)
            .toInstant().minusSeconds(1);

    private Params() {
    }

    /** A day to answer for: YYYY-MM-DD, past or future; the clock's today when absent. */
    public static LocalDate asOf(String value, Clock clock) {
        return day("asOf", value, LocalDate.now(clock));
    }

    public static LocalDate day(String name, String value, LocalDate fallback) {
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        LocalDate day;
        try {
            day = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw Rejection.invalid(name, name + " '" + Text.clip(value) + "' is not a date of the form YYYY-MM-DD");
        }
        return Checks.inYears(name, day);
    }

    /** A moment to answer for, as the ledger knew it then: an ISO-8601 instant; now when absent. */
    public static Instant knownAt(String value, Clock clock) {
        if (value == null || value.isEmpty()) {
            return clock.instant();
        }
        Instant instant;
        try {
            instant = Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw Rejection.invalid("knownAt", "knownAt '" + Text.clip(value)
                    + "' is not an instant of the form 2024-02-01T12:00:00Z");
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw Rejection.invalid("knownAt", "knownAt must lie in the years " + String.format("%04d",
                    Checks.FIRST_YEAR) + " to " + Checks.LAST_YEAR);
        }
        return instant;
    }

    /** The first page of a list is 1. */
    public static final int FIRST_PAGE = 1;

    /** A page number of a list: a whole number from 1; {@code fallback} when absent. */
    public static int page(String value, int fallback) {
        return whole("page", value, fallback, Integer.MAX_VALUE);
    }

    /** A page size of a list: a whole number from 1 to {@code max}; {@code fallback} when absent. */
    public static int size(String value, int fallback, int max) {
        return whole("size", value, fallback, max);
    }

    private static int whole(String name, String value, int fallback, int max) {
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        if (!value.matches("-?[0-9]+")) {
            throw Rejection.invalid(name, name + " '" + Text.clip(value) + "' is not a whole number");
        }
        long number = value.length() > 12 ? (value.startsWith("-") ? -1 : Long.MAX_VALUE) : Long.parseLong(value);
        if (number < 1 || number > max) {
            throw Rejection.invalid(name, name + " must be " + (max == Integer.MAX_VALUE ? "1 or more"
                    : "between 1 and " + max) + ", not " + Text.clip(value));
        }
        return (int) number;
    }

    /** How to answer: from the projections (default) or by replaying the events. */
    public static boolean replay(String mode) {
        if (mode == null || mode.isEmpty() || mode.equals("projection")) {
            return false;
        }
        if (mode.equals("replay")) {
            return true;
        }
        throw Rejection.invalid("mode", "mode '" + Text.clip(mode) + "' must be projection or replay");
    }

    /** An ISO 3166-1 alpha-2 code given in a path. */
    public static String party(String value) {
        return Checks.party("party", value);
    }

    public static Period period(String name, String value) {
        return Checks.term(name, value);
    }

    /** The authenticated user recording an act: always the principal, never a field of the request. */
    public static String caller(Principal principal) {
        if (principal == null) {
            throw new IllegalStateException("recording requires an authenticated user");
        }
        return principal.getName();
    }

    /** A body may repeat an id of its path, but not contradict it; answers the path's. */
    public static String sameId(String field, String inBody, String inPath) {
        if (inBody != null && !Objects.equals(inBody, inPath)) {
            throw Rejection.invalid(field, field + " in the body ('" + Text.clip(inBody)
                    + "') differs from the one in the path");
        }
        return inPath;
    }
}
