package org.coalitionledger.coalition.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.coalitionledger.common.Source;

/** Records that a member was designated a lead of the coalition (co-leads allowed). */
public record DesignateLead(@TargetAggregateIdentifier String coalition, String party, String effectiveDate,
                            Source source, String notes, String recordId) implements CoalitionCommand {
}
