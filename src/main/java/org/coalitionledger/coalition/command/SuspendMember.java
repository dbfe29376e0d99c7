package org.coalitionledger.coalition.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.coalitionledger.common.Source;

/** Records that a member was suspended: from the effective date it is in no members list, until reinstated. */
public record SuspendMember(@TargetAggregateIdentifier String coalition, String party, String effectiveDate,
                            Source source, String notes, String recordId) implements CoalitionCommand {
}
