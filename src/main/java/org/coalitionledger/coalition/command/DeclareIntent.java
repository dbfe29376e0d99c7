package org.coalitionledger.coalition.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.coalitionledger.common.Source;

/** Records that a state declared its intent to join a coalition; it is listed as intending until it joins. */
public record DeclareIntent(@TargetAggregateIdentifier String coalition, String party, String effectiveDate,
                            Source source, String notes, String recordId) implements CoalitionCommand {
}
