package org.coalitionledger.agreement.query;

/** Where a state stands under an agreement on the day asked about. */
public enum PartyStatus {
    /** Signed, no consent to be bound yet. */
    SIGNATORY,
    /** Consented to be bound; the agreement is not yet in force for it. */
    CONSENTED,
    /** The agreement is in force for it. */
    PARTY,
    /** It gave notice of withdrawal, which has not taken effect yet. */
    WITHDRAWAL_NOTIFIED,
    /** Its withdrawal has taken effect. */
    WITHDRAWN
}
