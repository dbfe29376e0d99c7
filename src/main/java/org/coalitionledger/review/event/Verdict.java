package org.coalitionledger.review.event;

/** What a reviewer found when checking an act against its source. */
public enum Verdict {
    /** The source supports the act as recorded. */
    CONFIRMED,
    /** The source does not support the act (another date, another party, no such act); a comment says why. */
    DISPUTED,
    /** The source could not be read (gone, behind a paywall) and no evidence file keeps it; a comment says so. */
    SOURCE_UNAVAILABLE
}
