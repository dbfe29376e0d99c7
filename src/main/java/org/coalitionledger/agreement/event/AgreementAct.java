package org.coalitionledger.agreement.event;

import org.coalitionledger.common.RecordedAct;

/** An act under an agreement after its registration: of one state ({@link SignatoryAct}) or of the agreement. */
public sealed interface AgreementAct extends RecordedAct permits SignatoryAct, EntryIntoForceRecorded {

    String agreement();

    String coalition();
}
