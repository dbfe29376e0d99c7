package org.coalitionledger.coalition.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.coalitionledger.common.Source;

/** Records that a member left the coalition; it is no longer a member from the effective date on. */
public record LeaveCoalition(@TargetAggregateIdentifier String coalition, String party, String effectiveDate,
                             Source source, String notes, String recordId) implements CoalitionCommand {
}
