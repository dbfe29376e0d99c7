package org.coalitionledger.agreement.event;

/**
 * An act of one state under an agreement: signing it, consenting to be bound, giving notice of withdrawal or
 * withdrawing.
 */
public sealed interface SignatoryAct extends AgreementAct
        permits AgreementSigned, AgreementWithdrawn, ConsentExpressed, WithdrawalNotified {

    String party();
}
