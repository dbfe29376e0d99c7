package org.coalitionledger.agreement.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.coalitionledger.common.Source;

/**
 * Records that a state consented to be bound, by {@code means}: RATIFICATION, ACCEPTANCE or APPROVAL (each needs
 * its signature on or before the consent) or ACCESSION (needs none).
 */
public record ConsentToBeBound(@TargetAggregateIdentifier String agreement, String party, String effectiveDate,
                               String means, Source source, String notes, String recordId)
        implements AgreementCommand {
}
