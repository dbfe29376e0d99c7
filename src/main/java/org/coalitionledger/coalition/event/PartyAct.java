package org.coalitionledger.coalition.event;

import org.coalitionledger.common.RecordedAct;

/**
 * An act of one state within a coalition: joining, declaring intent, being designated lead, leaving, being suspended
 * or reinstated, or being admitted as an observer.
 */
public sealed interface PartyAct extends RecordedAct
        permits CoalitionJoined, IntentDeclared, LeadDesignated, CoalitionLeft, MemberSuspended, MemberReinstated,
        ObserverAdmitted {

    String coalition();

    String party();
}
