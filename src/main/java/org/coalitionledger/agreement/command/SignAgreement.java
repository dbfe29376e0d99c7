package org.coalitionledger.agreement.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.coalitionledger.common.Source;

/** Records that a state signed the agreement; it is committed for the agreement's term from the effective date. */
public record SignAgreement(@TargetAggregateIdentifier String agreement, String party, String effectiveDate,
                            Source source, String notes, String recordId) implements AgreementCommand {
}
