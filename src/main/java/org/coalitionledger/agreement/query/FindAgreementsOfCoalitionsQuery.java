package org.coalitionledger.agreement.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The agreements of the given coalitions with their active signatories, as {@link FindAgreementsQuery} answers
 * for one, from two statements however many there are (a page of the overview asks for its coalitions at once).
 */
public record FindAgreementsOfCoalitionsQuery(List<String> coalitions, LocalDate asOf, Instant knownAt) {
}
