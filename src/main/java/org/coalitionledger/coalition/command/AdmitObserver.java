package org.coalitionledger.coalition.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.coalitionledger.common.Source;

/** Records that a state was admitted as an observer; it is one until it joins or leaves. */
public record AdmitObserver(@TargetAggregateIdentifier String coalition, String party, String effectiveDate,
                            Source source, String notes, String recordId) implements CoalitionCommand {
}
