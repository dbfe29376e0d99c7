package org.coalitionledger.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.regex.Pattern;

/**
 * A date as precise as its source: {@code 2024-02-14} (day), {@code 2024-01} (month) or {@code 2024} (year).
 * An imprecise date counts from the first day of its window ({@link #start()}); the window ends the day before
 * {@link #windowEnd()}. It is written and read back exactly as it was given.
 */
public record PartialDate(LocalDate start, Precision precision) implements Comparable<PartialDate> {

    private static final Pattern FORM = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");
    private static final Comparator<PartialDate> ORDER =
            Comparator.comparing(PartialDate::start).thenComparing(PartialDate::precision);

    public PartialDate {
        if (start == null || precision == null) {
            throw new IllegalArgumentException("start and precision are required");
        }
    }

    /**
     * Reads YYYY-MM-DD, YYYY-MM or YYYY.
     *
     * @throws IllegalArgumentException naming what is wrong with the text
     */
    @JsonCreator
    public static PartialDate parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a date is required (YYYY-MM-DD, YYYY-MM or YYYY)");
        }
        PartialDate quick = quickParse(text);
        if (quick != null) {
            return quick;
        }
        if (!FORM.matcher(text).matches()) {
            throw new IllegalArgumentException("'" + Text.clip(text)
                    + "' is not a date of the form YYYY-MM-DD, YYYY-MM or YYYY");
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
        return switch (precision) {
            case DAY -> start.plusDays(1);
            case MONTH -> start.plusMonths(1);
            case YEAR -> start.plusYears(1);
        };
    }

    /** The last day the act may have happened on. */
    public LocalDate latest() {
        return windowEnd().minusDays(1);
    }

    /** True when {@code day} falls inside this date's window and the window is wider than a day. */
    public boolean isUncertainOn(LocalDate day) {
        return precision != Precision.DAY && !day.isBefore(start) && day.isBefore(windowEnd());
    }

    @JsonValue
    public String text() {
        return switch (precision) {
            case DAY -> start.toString();
            case MONTH -> YearMonth.from(start).toString();
            case YEAR -> String.format("%04d", start.getYear());
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
