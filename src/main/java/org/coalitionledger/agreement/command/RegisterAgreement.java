package org.coalitionledger.agreement.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.coalitionledger.common.Source;

/**
 * Registers an agreement of a coalition. {@code commitmentTerm} is an ISO-8601 period (e.g. P6Y): each signature
 * commits its party for that long from the signature date. {@code effectiveDate} is optional.
 */
public record RegisterAgreement(@TargetAggregateIdentifier String agreement, String coalition, String title,
                                String commitmentTerm, String effectiveDate, Source source, String notes,
                                String recordId) implements AgreementCommand {
}
