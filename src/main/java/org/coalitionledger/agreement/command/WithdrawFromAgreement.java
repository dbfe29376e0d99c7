package org.coalitionledger.agreement.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.coalitionledger.common.Source;

/** Records that a state withdrew from the agreement; its commitment ends on the effective date. */
public record WithdrawFromAgreement(@TargetAggregateIdentifier String agreement, String party, String effectiveDate,
                                    Source source, String notes, String recordId) implements AgreementCommand {
}
