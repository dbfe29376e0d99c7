package org.coalitionledger.agreement.query;

import java.time.LocalDate;
import java.util.List;

/** The commitments under one agreement on {@code asOf}: every one that had started, whatever its status. */
public record CommitmentsResponse(String agreement, String coalition, String title, String commitmentTerm,
                                  LocalDate asOf, List<Commitment> commitments) {
}
