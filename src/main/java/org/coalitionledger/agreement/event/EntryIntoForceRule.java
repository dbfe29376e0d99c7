package org.coalitionledger.agreement.event;

/**
 * How an agreement enters into force: {@code afterConsents} (when given) derives the general date from the day of
 * the N-th consent; {@code delay} (an ISO-8601 period, when given) is added to that day, and to the day of a consent
 * given after the general date. Both are optional.
 */
public record EntryIntoForceRule(Integer afterConsents, String delay) {
}
