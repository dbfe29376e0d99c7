package org.coalitionledger.correction.event;

import org.coalitionledger.common.ActKind;
import org.coalitionledger.common.PartialDate;
import org.coalitionledger.common.RecordedAct;
import org.coalitionledger.common.Source;

/**
 * The act {@code correctedRecordId} took effect on {@code effectiveDate}, not on {@code previousEffectiveDate}.
 * {@code agreement} is set when the act belongs to an agreement; {@code party} when it is an act of one state.
 */
public record RecordCorrected(String recordId, String correctedRecordId, String coalition, String agreement,
                              String party, PartialDate effectiveDate, PartialDate previousEffectiveDate,
                              String reason, Source source) implements RecordedAct {

    @Override
    public ActKind kind() {
        return ActKind.CorrectRecord;
    }

    @Override
    public String notes() {
        return reason;
    }
}
