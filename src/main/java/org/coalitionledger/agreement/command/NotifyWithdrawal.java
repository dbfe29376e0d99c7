package org.coalitionledger.agreement.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.coalitionledger.common.Source;

/**
 * Records that a state gave notice of withdrawal on {@code effectiveDate}; it takes effect after the agreement's
 * notice period, or on {@code takesEffect} when given (never earlier). Without a notice period, takesEffect is
 * required.
 */
public record NotifyWithdrawal(@TargetAggregateIdentifier String agreement, String party, String effectiveDate,
                               String takesEffect, Source source, String notes, String recordId)
        implements AgreementCommand {
}
