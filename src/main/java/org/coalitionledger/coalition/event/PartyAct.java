package org.coalitionledger.coalition.event;

import org.coalitionledger.common.RecordedAct;

/** An act of one state within a coalition: joining, declaring intent, being designated lead, or leaving. */
public sealed interface PartyAct extends RecordedAct
        permits CoalitionJoined, IntentDeclared, LeadDesignated, CoalitionLeft {

    String coalition();

    String party();
}
