package org.coalitionledger.common;

/**
 * How much of an effective date the source gave: the day, only the month, only the year, or a range of days
 * ({@code [2024-01-01..2024-02-14]}, {@code [..2024-02-14]}).
 */
public enum Precision {
    DAY, MONTH, YEAR, RANGE
}
