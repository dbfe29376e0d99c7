package org.coalitionledger.agreement.query;

import java.time.LocalDate;

/** The agreements of one coalition (or of all, when {@code coalition} is null) with their signatories on a day. */
public record FindAgreementsQuery(String coalition, LocalDate asOf) {
}
