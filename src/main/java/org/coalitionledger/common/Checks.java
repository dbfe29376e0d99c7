package org.coalitionledger.common;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The input rules every command obeys, shared by the aggregates (which guard with them before applying anything)
 * and by the web layer. Each check names the field it checks and throws a {@link Rejection} that says what is wrong.
 */
public final class Checks {

    public static final int MAX_ID = 64;
    public static final int MAX_TITLE = 500;
    public static final int MAX_NOTES = 4_000;
    public static final int MAX_URL = 2_048;
    public static final int MAX_FOCUS_AREAS = 50;
    /** The most evidence files one source or finding may cite. */
    public static final int MAX_EVIDENCE = 20;
    /** Every date the ledger takes, of an act or of a question, lies in these years. */
    public static final int FIRST_YEAR = 1;
    public static final int LAST_YEAR = 9999;

    private static final Pattern SLUG = Pattern.compile("[a-z0-9-]{2,64}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern TERM = Pattern.compile("P(\\d{1,3}Y)?(\\d{1,4}M)?(\\d{1,5}D)?");

    private Checks() {
    }

    /** An identifier: 2–64 characters of a-z, 0-9 and '-'. */
    public static String slug(String field, String value) {
        if (value == null || value.isEmpty()) {
            throw Rejection.invalid(field, field + " is required");
        }
        if (!SLUG.matcher(value).matches()) {
            throw Rejection.invalid(field, field + " '" + Text.clip(value)
                    + "' must be 2 to 64 characters of a-z, 0-9 and '-'");
        }
        return value;
    }

    /** A state by its ISO 3166-1 alpha-2 code, upper case. */
    public static String party(String field, String value) {
        if (value == null || value.isEmpty()) {
            throw Rejection.invalid(field, field + " is required (an ISO 3166-1 alpha-2 code such as NL)");
        }
        if (!Parties.isKnown(value)) {
            throw Rejection.invalid(field, field + " '" + Text.clip(value)
                    + "' is not an ISO 3166-1 alpha-2 country code (two upper-case letters such as NL)"
                    + Parties.hintFor(value).map(hint -> "; " + hint).orElse(""));
        }
        return value;
    }

    /** Required text of bounded length without control characters other than line breaks and tabs. */
    public static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw Rejection.invalid(field, field + " is required");
        }
        return optionalText(field, value, max);
    }

    public static String optionalText(String field, String value, int max) {
        if (value == null) {
            return null;
        }
        if (value.length() > max) {
            throw Rejection.invalid(field, field + " is " + value.length() + " characters long; at most " + max
                    + " are allowed");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                throw Rejection.invalid(field, field + " contains a control character at position " + i);
            }
            if (Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1)) || Character.isLowSurrogate(c) && i > 0
                    && Character.isHighSurrogate(value.charAt(i - 1)))) {
                throw Rejection.invalid(field, field + " contains an unpaired surrogate at position " + i);
            }
        }
        return value;
    }

    public static List<String> focusAreas(String field, List<String> values) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > MAX_FOCUS_AREAS) {
            throw Rejection.invalid(field, field + " has " + values.size() + " entries; at most "
                    + MAX_FOCUS_AREAS + " are allowed");
        }
        for (int i = 0; i < values.size(); i++) {
            String area = text(field + "[" + i + "]", values.get(i), MAX_TITLE);
            if (area.indexOf('\n') >= 0 || area.indexOf('\r') >= 0) {
                throw Rejection.invalid(field + "[" + i + "]", field + "[" + i + "] must be a single line");
            }
        }
        return List.copyOf(values);
    }

    /**
     * The date an act took effect: YYYY-MM-DD, YYYY-MM, YYYY or a range ([YYYY-MM-DD..YYYY-MM-DD], [..YYYY-MM-DD]),
     * counting from a day not after {@code today}.
     */
    public static PartialDate effectiveDate(String field, String value, LocalDate today) {
        PartialDate date = date(field, value);
        if (date.start().isAfter(today)) {
            throw Rejection.invalid(field, field + " " + value + " is in the future; record acts once they have"
                    + " taken effect");
        }
        return date;
    }

    /** A date of any time the ledger covers: YYYY-MM-DD, YYYY-MM or YYYY, in the years 0001 to 9999. */
    public static PartialDate date(String field, String value) {
        PartialDate date;
        try {
            date = PartialDate.parse(value);
        } catch (IllegalArgumentException e) {
            throw Rejection.invalid(field, field + ": " + e.getMessage());
        }
        inYears(field, date.start());
        inYears(field, date.latest());
        return date;
    }

    /** A day in the years the ledger covers, {@link #FIRST_YEAR} to {@link #LAST_YEAR}; the same for acts and asOf. */
    public static LocalDate inYears(String field, LocalDate day) {
        if (day.getYear() < FIRST_YEAR || day.getYear() > LAST_YEAR) {
            throw Rejection.invalid(field, field + " must lie in the years " + String.format("%04d", FIRST_YEAR)
                    + " to " + LAST_YEAR);
        }
        return day;
    }

    /** A commitment term: an ISO-8601 period of years, months and days, longer than zero, such as P6Y. */
    public static Period term(String field, String value) {
        if (value == null || value.isEmpty()) {
            throw Rejection.invalid(field, field + " is required (an ISO-8601 period such as P6Y)");
        }
        if (!TERM.matcher(value).matches() || value.equals("P")) {
            throw Rejection.invalid(field, field + " '" + Text.clip(value)
                    + "' is not an ISO-8601 period of years, months and days such as P6Y or P18M");
        }
        try {
            Period period = Period.parse(value);
            if (period.isZero() || period.isNegative()) {
                throw Rejection.invalid(field, field + " must be longer than zero");
            }
            return period;
        } catch (DateTimeParseException e) {
            throw Rejection.invalid(field, field + " '" + Text.clip(value) + "' is not an ISO-8601 period");
        }
    }

    /**
     * A source citation with a title or a URL; a URL must be http or https; {@code publishedOn}, if given, a date
     * not after {@code today}.
     */
    public static Source source(Source source, LocalDate today) {
        if (source == null) {
            throw Rejection.invalid("source", "source is required: give at least its title or url");
        }
        optionalText("source.title", source.title(), MAX_TITLE);
        url("source.url", source.url());
        if (isBlank(source.title()) && isBlank(source.url())) {
            throw Rejection.invalid("source", "source needs a title or a url");
        }
        optionalText("source.publisher", source.publisher(), MAX_TITLE);
        if (source.publishedOn() != null) {
            PartialDate published = date("source.publishedOn", source.publishedOn());
            if (published.precision() == Precision.RANGE) {
                throw Rejection.invalid("source.publishedOn", "source.publishedOn is the day (YYYY-MM-DD), month or"
                        + " year the source was published, not a range");
            }
            if (published.start().isAfter(today)) {
                throw Rejection.invalid("source.publishedOn", "source.publishedOn " + source.publishedOn()
                        + " is in the future; a source is cited once it has been published");
            }
        }
        optionalText("source.quote", source.quote(), MAX_NOTES);
        evidence("source.evidence", source.evidence());
        return source;
    }

    /**
     * Evidence hashes: each the SHA-256 of a stored file as 64 lowercase hex digits, at most
     * {@value #MAX_EVIDENCE}, none twice. Whether the files exist is checked where the store is known (the Recorder).
     */
    public static List<String> evidence(String field, List<String> hashes) {
        if (hashes == null) {
            return List.of();
        }
        if (hashes.size() > MAX_EVIDENCE) {
            throw Rejection.invalid(field, field + " has " + hashes.size() + " entries; at most " + MAX_EVIDENCE);
        }
        for (int i = 0; i < hashes.size(); i++) {
            String hash = hashes.get(i);
            if (hash == null || !SHA256.matcher(hash).matches()) {
                throw Rejection.invalid(field, field + "[" + i + "] '" + Text.clip(String.valueOf(hash))
                        + "' is not a SHA-256 hash (64 lowercase hex digits)");
            }
            if (hashes.indexOf(hash) != i) {
                throw Rejection.invalid(field, field + " names " + hash + " twice");
            }
        }
        return hashes;
    }

    public static String url(String field, String value) {
        if (value == null) {
            return null;
        }
        optionalText(field, value, MAX_URL);
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || uri.getHost() == null) {
                throw Rejection.invalid(field, field + " must be an absolute http or https URL");
            }
        } catch (URISyntaxException e) {
            throw Rejection.invalid(field, field + " is not a valid URL: " + Text.clip(e.getReason()));
        }
        return value;
    }

    public static String notes(String value) {
        return optionalText("notes", value, MAX_NOTES);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
