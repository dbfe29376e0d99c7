package org.coalitionledger.common;

/**
 * A command that records an act: it names the record it creates and the aggregate that will hold it, so that a
 * later correction or retraction of that record can be routed there.
 */
public interface ActCommand {

    /** The id of the record this command creates. */
    String recordId();

    /** The simple name of the aggregate type that holds the record ("Coalition" or "Agreement"). */
    String aggregateType();

    /** The id of the aggregate that holds the record. */
    String aggregateId();
}
