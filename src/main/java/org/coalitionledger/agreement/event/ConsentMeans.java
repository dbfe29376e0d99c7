package org.coalitionledger.agreement.event;

/** How a state consented to be bound: the first three need its signature first, accession none. */
public enum ConsentMeans {
    RATIFICATION, ACCEPTANCE, APPROVAL, ACCESSION;

    /** True when the party must have signed on or before the consent. */
    public boolean needsSignature() {
        return this != ACCESSION;
    }
}
