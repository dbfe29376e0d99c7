package org.coalitionledger.agreement.query;

import org.coalitionledger.common.Precision;

import java.util.List;

/** An agreement with the parties actively committed under it on the day asked about. */
public record AgreementSummary(String agreement, String coalition, String title, String commitmentTerm,
                               String effectiveDate, Precision precision, List<String> activeSignatories) {
}
