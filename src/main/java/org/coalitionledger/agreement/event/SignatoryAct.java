package org.coalitionledger.agreement.event;

import org.coalitionledger.common.RecordedAct;

/** An act of one state under an agreement: signing it or withdrawing from it. */
public sealed interface SignatoryAct extends RecordedAct permits AgreementSigned, AgreementWithdrawn {

    String agreement();

    String coalition();

    String party();
}
