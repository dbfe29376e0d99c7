package org.coalitionledger.web;

import org.coalitionledger.common.Checks;
import org.coalitionledger.common.Rejection;
import org.coalitionledger.common.Text;

import java.security.Principal;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;

/** Reads query parameters with errors that name them, and the caller who records an act. */
public final class Params {

    private Params() {
    }

    /** A day to answer for: YYYY-MM-DD, past or future; today when absent. */
    public static LocalDate asOf(String value) {
        return day("asOf", value, Checks.today());
    }

    public static LocalDate day(String name, String value, LocalDate fallback) {
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw Rejection.invalid(name, name + " '" + Text.clip(value) + "' is not a date of the form YYYY-MM-DD");
        }
    }

    public static Period period(String name, String value) {
        return Checks.term(name, value);
    }

    /** The authenticated user recording an act; "anonymous" until authentication is configured. */
    public static String caller(Principal principal) {
        return principal == null ? "anonymous" : principal.getName();
    }
}
