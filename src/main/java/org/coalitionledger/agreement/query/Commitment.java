package org.coalitionledger.agreement.query;

import org.coalitionledger.common.Precision;

import java.time.LocalDate;

/**
 * One party's commitment: from {@code start} (as precise as its signature date) to {@code end} (exclusive), its
 * status on the day asked about, and the days left when active.
 */
public record Commitment(String agreement, String party, String name, String start, Precision precision,
                         LocalDate end, Status status, long daysRemaining, String signatureRecordId,
                         String withdrawalRecordId) {
}
