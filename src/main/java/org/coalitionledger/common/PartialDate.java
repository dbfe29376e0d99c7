package org.coalitionledger.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date as precise as its source: {@code 2024-02-14} (day), {@code 2024-01} (month), {@code 2024} (year), or a
 * range after ISO 8601-2 / EDTF: {@code [2024-01-01..2024-02-14]} (some day in it, both ends inclusive) or
 * {@code [..2024-02-14]} (on or before that day). A date counts from {@link #start()}: the first day of a month, a
 * year or a closed range, and the last day of an open range (which has no first day). The act had certainly happened
 * by {@link #last()}, the last day of the window. It is written and read back exactly as it was given.
 *
 * @param last the last day of the window; for an open range it is {@code start} (a closed range of one day is that
 *             day, and refused as a range)
 */
public record PartialDate(LocalDate start, Precision precision, LocalDate last) implements Comparable<PartialDate> {

    private static final Pattern FORM = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");
    private static final Pattern RANGE = Pattern.compile("\\[(\\d{4}-\\d{2}-\\d{2})?\\.\\.(\\d{4}-\\d{2}-\\d{2})]");
    private static final String RANGE_FORMS = "[YYYY-MM-DD..YYYY-MM-DD] or [..YYYY-MM-DD]";
    private static final Comparator<PartialDate> ORDER = Comparator.comparing(PartialDate::start)
            .thenComparing(PartialDate::precision).thenComparing(PartialDate::last);

    public PartialDate {
        if (start == null || precision == null) {
            throw new IllegalArgumentException("start and precision are required");
        }
        if (precision != Precision.RANGE) {
            last = switch (precision) {
                case MONTH -> start.plusMonths(1).minusDays(1);
                case YEAR -> start.plusYears(1).minusDays(1);
                default -> start;
            };
        } else if (last == null || last.isBefore(start)) {
            throw new IllegalArgumentException("a range needs a last day on or after its start");
        }
    }

    /** A day, month or year: the window's last day follows from its precision. */
    public PartialDate(LocalDate start, Precision precision) {
        this(start, precision, null);
    }

    /**
     * Reads YYYY-MM-DD, YYYY-MM or YYYY.
     *
     * @throws IllegalArgumentException naming what is wrong with the text
     */
    @JsonCreator
    public static PartialDate parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a date is required (YYYY-MM-DD, YYYY-MM, YYYY or a range "
                    + RANGE_FORMS + ")");
        }
        PartialDate quick = quickParse(text);
        if (quick != null) {
            return quick;
        }
        if (text.startsWith("[")) {
            return parseRange(text);
        }
        if (!FORM.matcher(text).matches()) {
            throw new IllegalArgumentException("'" + Text.clip(text)
                    + "' is not a date of the form YYYY-MM-DD, YYYY-MM or YYYY, nor a range " + RANGE_FORMS);
        }
        try {
            return switch (text.length()) {
                case 4 -> new PartialDate(LocalDate.of(Integer.parseInt(text), 1, 1), Precision.YEAR);
                case 7 -> new PartialDate(YearMonth.parse(text).atDay(1), Precision.MONTH);
                default -> new PartialDate(LocalDate.parse(text), Precision.DAY);
            };
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + text + "' is not a calendar date");
        }
    }

    /** Reads [YYYY-MM-DD..YYYY-MM-DD] (a closed range of at least two days) or [..YYYY-MM-DD] (an open one). */
    private static PartialDate parseRange(String text) {
        Matcher range = RANGE.matcher(text);
        if (!range.matches()) {
            throw new IllegalArgumentException("'" + Text.clip(text) + "' is not a range of the form " + RANGE_FORMS
                    + " (both ends days)");
        }
        LocalDate last = day(range.group(2), text);
        if (range.group(1) == null) {
            return new PartialDate(last, Precision.RANGE, last);
        }
        LocalDate first = day(range.group(1), text);
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("the range '" + text + "' ends (" + last + ") before it starts ("
                    + first + ")");
        }
        if (last.equals(first)) {
            throw new IllegalArgumentException("the range '" + text + "' is a single day: write " + first);
        }
        return new PartialDate(first, Precision.RANGE, last);
    }

    private static LocalDate day(String text, String range) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + text + "' in the range '" + range + "' is not a calendar date");
        }
    }

    /** True for a range with no first day, {@code [..2024-02-14]}: it counts from its last day. */
    public boolean isOpenRange() {
        return precision == Precision.RANGE && start.equals(last);
    }

    /**
     * The same reading without a formatter, for the dates of stored events and rows that are read by the million;
     * null for anything that is not plainly a valid date, which {@link #parse} then reads (and refuses) the slow way.
     */
    private static PartialDate quickParse(String text) {
        int length = text.length();
        if (length != 4 && length != 7 && length != 10) {
            return null;
        }
        int year = digits(text, 0, 4);
        if (year < 0) {
            return null;
        }
        if (length == 4) {
            return new PartialDate(LocalDate.of(year, 1, 1), Precision.YEAR);
        }
        int month = text.charAt(4) == '-' ? digits(text, 5, 7) : -1;
        if (month < 1 || month > 12) {
            return null;
        }
        if (length == 7) {
            return new PartialDate(LocalDate.of(year, month, 1), Precision.MONTH);
        }
        int day = text.charAt(7) == '-' ? digits(text, 8, 10) : -1;
        if (day < 1 || day > YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        return new PartialDate(LocalDate.of(year, month, day), Precision.DAY);
    }

    /** The number written by the ASCII digits text[from, to), or -1 if any is not one (also for RecordTime). */
    public static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    public static PartialDate ofDay(LocalDate day) {
        return new PartialDate(day, Precision.DAY);
    }

    /** The first day after the window this date stands for. */
    public LocalDate windowEnd() {
        return last.plusDays(1);
    }

    /**
     * The first day the act may have happened on: the start of a day, month, year or closed range; none for an open
     * range ({@link LocalDate#MIN}), which says only "on or before". Rules that an act cannot fall before another
     * (before a coalition's formation) compare with this, not with the day a date counts from.
     */
    public LocalDate earliest() {
        return isOpenRange() ? LocalDate.MIN : start;
    }

    /** The last day the act may have happened on: by then it certainly had. */
    public LocalDate latest() {
        return last;
    }

    /**
     * True when {@code day} falls in this date's window before its last day: counted from {@link #start()}, the act
     * may not have happened yet. On the last day it certainly has (a join in January has happened by 31 January).
     */
    public boolean isUncertainOn(LocalDate day) {
        return !day.isBefore(start) && day.isBefore(last);
    }

    @JsonValue
    public String text() {
        return switch (precision) {
            case DAY -> start.toString();
            case MONTH -> YearMonth.from(start).toString();
            case YEAR -> String.format("%04d", start.getYear());
            case RANGE -> isOpenRange() ? "[.." + last + "]" : "[" + start + ".." + last + "]";
        };
    }

    @Override
    public int compareTo(PartialDate other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return text();
    }
}
