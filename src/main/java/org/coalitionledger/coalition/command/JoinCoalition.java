package org.coalitionledger.coalition.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.coalitionledger.common.Source;

/** Records that a state became a member of a coalition on the effective date. */
public record JoinCoalition(@TargetAggregateIdentifier String coalition, String party, String effectiveDate,
                            Source source, String notes, String recordId) implements CoalitionCommand {
}
