package org.coalitionledger.history;

/** Every recorded act of a coalition and its agreements, in effective-date order. */
public record FetchHistoryQuery(String coalition) {
}
