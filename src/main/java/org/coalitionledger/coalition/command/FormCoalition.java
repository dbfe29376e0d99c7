package org.coalitionledger.coalition.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.coalitionledger.common.Source;

import java.util.List;

/** Records that a coalition was formed; {@code coalition} is its slug, the id every later act uses. */
public record FormCoalition(@TargetAggregateIdentifier String coalition, String name, String parentGroup,
                            List<String> focusAreas, String effectiveDate, Source source, String notes,
                            String recordId) implements CoalitionCommand {
}
