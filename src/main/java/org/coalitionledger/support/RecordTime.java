package org.coalitionledger.support;

import org.axonframework.common.DateTimeUtils;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.coalitionledger.common.PartialDate;

/**
 * The record-time clock: when the ledger recorded an act (its event timestamp). Axon stores event timestamps to the
 * millisecond, so record times are kept to the millisecond everywhere, and "known at" means the same in
 * projections and in replays.
 */
public final class RecordTime {

    /**
     * The record-time end of a view that still holds. Stored instead of null so that "known at" is one range
     * condition an index can serve.
     */
    public static final Instant OPEN = Instant.parse("9999-12-31T00:00:00Z");

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private RecordTime() {
    }

    /** How a moment is shown to people, on every page and in messages: {@code 2026-12-01 16:07:04 UTC}. */
    public static String shown(Instant moment) {
        return moment == null ? "" : SHOWN.format(moment);
    }

    public static Instant of(Instant timestamp) {
        return timestamp.truncatedTo(ChronoUnit.MILLIS);
    }

    /** True when something recorded at {@code recordedAt} was known at {@code knownAt}. */
    public static boolean knownAt(Instant recordedAt, Instant knownAt) {
        return !of(recordedAt).isAfter(knownAt);
    }

    /**
     * Reads a stored event time as Axon writes it ({@code 2024-02-14T09:30:00.123Z}, UTC, a fraction of 3 to 9
     * digits) without a formatter; anything else is left to Axon's own reader.
     */
    public static Instant parse(String text) {
        int length = text.length();
        if (length < 20 || length > 30 || text.charAt(length - 1) != 'Z' || text.charAt(4) != '-'
                || text.charAt(7) != '-' || text.charAt(10) != 'T' || text.charAt(13) != ':'
                || text.charAt(16) != ':') {
            return DateTimeUtils.parseInstant(text);
        }
        int year = PartialDate.digits(text, 0, 4);
        int month = PartialDate.digits(text, 5, 7);
        int day = PartialDate.digits(text, 8, 10);
        int hour = PartialDate.digits(text, 11, 13);
        int minute = PartialDate.digits(text, 14, 16);
        int second = PartialDate.digits(text, 17, 19);
        int nanos = 0;
        if (length > 20) {
            int fraction = length - 21;
            int value = text.charAt(19) == '.' && fraction >= 1 && fraction <= 9
                    ? PartialDate.digits(text, 20, length - 1) : -1;
            if (value < 0) {
                return DateTimeUtils.parseInstant(text);
            }
            nanos = value * POWERS[9 - fraction];
        } else if (text.charAt(19) != 'Z') {
            return DateTimeUtils.parseInstant(text);
        }
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0
                || minute > 59 || second < 0 || second > 59) {
            return DateTimeUtils.parseInstant(text);
        }
        try {
            long epochDay = LocalDate.of(year, month, day).toEpochDay();
            return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
        } catch (DateTimeException e) {
            return DateTimeUtils.parseInstant(text);
        }
    }

    private static final int[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};
}
