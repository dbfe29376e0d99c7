package org.coalitionledger.agreement.command;

import org.coalitionledger.common.ActCommand;

/** A command that records an act of an agreement, held by the {@code Agreement} aggregate it names. */
public interface AgreementCommand extends ActCommand {

    /** The id of the agreement. */
    String agreement();

    @Override
    default String aggregateType() {
        return "Agreement";
    }

    @Override
    default String aggregateId() {
        return agreement();
    }
}
