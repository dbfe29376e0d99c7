package org.coalitionledger.common;

/** How much of an effective date the source gave: the day, only the month, or only the year. */
public enum Precision {
    DAY, MONTH, YEAR
}
