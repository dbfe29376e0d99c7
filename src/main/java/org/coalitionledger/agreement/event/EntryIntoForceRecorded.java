package org.coalitionledger.agreement.event;

import org.coalitionledger.common.ActKind;
import org.coalitionledger.common.PartialDate;
import org.coalitionledger.common.Source;

/** The agreement entered into force generally on {@code effectiveDate}. */
public record EntryIntoForceRecorded(String recordId, String agreement, String coalition, PartialDate effectiveDate,
                                     Source source, String notes) implements AgreementAct {

    @Override
    public ActKind kind() {
        return ActKind.RecordEntryIntoForce;
    }
}
