package org.coalitionledger.agreement.event;

/** When a party's commitment under an agreement starts: on its signature, or on its entry into force for it. */
public enum CommitmentStarts {
    /** On the signature (the default, and what agreements registered without this field do). */
    SIGNATURE,
    /** On the day the agreement enters into force for the party. */
    ENTRY_INTO_FORCE
}
