package org.coalitionledger.agreement.query;

/** Where a commitment stands on the day asked about. */
public enum Status {
    /** Signed, and neither withdrawn from nor past its term. */
    ACTIVE,
    /** Its term has run out. */
    EXPIRED,
    /** The party withdrew before the term ran out. */
    WITHDRAWN
}
