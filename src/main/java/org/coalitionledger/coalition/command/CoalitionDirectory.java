package org.coalitionledger.coalition.command;

import org.coalitionledger.common.PartialDate;

import java.util.List;
import java.util.Optional;

/**
 * What the command side needs to know beyond one aggregate: whether an id is taken, and when a coalition was
 * formed. It answers from the aggregates themselves (inside the same unit of work), never from a projection, so
 * that acts recorded together in one import see each other.
 */
public interface CoalitionDirectory {

    /** When the coalition was formed, or empty when no such coalition exists. */
    Optional<PartialDate> formedOn(String coalition);

    /**
     * Every dated act of the coalition's agreements (their registrations and the acts of their parties), so that
     * a correction of the formation can be refused when one of them would fall before it.
     */
    List<DatedAct> agreementActs(String coalition);

    /** An act held by another aggregate, with what it was, in words, for messages. */
    record DatedAct(String recordId, String description, PartialDate date) {
    }

    /** True when a coalition or an agreement already uses this id. */
    boolean isTaken(String id);
}
