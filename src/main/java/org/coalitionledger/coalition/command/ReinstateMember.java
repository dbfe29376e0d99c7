package org.coalitionledger.coalition.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.coalitionledger.common.Source;

/** Records that a suspended member was reinstated: a member again (and a lead, if it was one). */
public record ReinstateMember(@TargetAggregateIdentifier String coalition, String party, String effectiveDate,
                              Source source, String notes, String recordId) implements CoalitionCommand {
}
