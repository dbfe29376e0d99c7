package org.coalitionledger.agreement.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.coalitionledger.common.Source;

/** Records the agreement's general entry into force; refused when the agreement derives it from its consents. */
public record RecordEntryIntoForce(@TargetAggregateIdentifier String agreement, String effectiveDate, Source source,
                                   String notes, String recordId) implements AgreementCommand {
}
