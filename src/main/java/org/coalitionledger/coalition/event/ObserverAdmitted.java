package org.coalitionledger.coalition.event;

import org.coalitionledger.common.ActKind;
import org.coalitionledger.common.PartialDate;
import org.coalitionledger.common.Source;

/** A state was admitted as an observer. */
public record ObserverAdmitted(String recordId, String coalition, String party, PartialDate effectiveDate,
                               Source source, String notes) implements PartyAct {

    @Override
    public ActKind kind() {
        return ActKind.AdmitObserver;
    }
}
