package org.coalitionledger.coalition.command;

import org.coalitionledger.common.ActCommand;

/** A command that records an act of a coalition, held by the {@code Coalition} aggregate it names. */
public interface CoalitionCommand extends ActCommand {

    /** The id of the coalition. */
    String coalition();

    @Override
    default String aggregateType() {
        return "Coalition";
    }

    @Override
    default String aggregateId() {
        return coalition();
    }
}
