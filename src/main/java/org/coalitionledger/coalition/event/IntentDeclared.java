package org.coalitionledger.coalition.event;

import org.coalitionledger.common.ActKind;
import org.coalitionledger.common.PartialDate;
import org.coalitionledger.common.Source;

/** A state declared its intent to join the coalition. */
public record IntentDeclared(String recordId, String coalition, String party, PartialDate effectiveDate,
                             Source source, String notes) implements PartyAct {

    @Override
    public ActKind kind() {
        return ActKind.DeclareIntent;
    }
}
