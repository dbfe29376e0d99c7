package org.coalitionledger.correction.event;

import org.coalitionledger.common.ActKind;
import org.coalitionledger.common.PartialDate;
import org.coalitionledger.common.RecordedAct;
import org.coalitionledger.common.Source;

/** The act {@code retractedRecordId} no longer counts. */
public record RecordRetracted(String recordId, String retractedRecordId, String coalition, String agreement,
                              String party, String reason, Source source) implements RecordedAct {

    @Override
    public ActKind kind() {
        return ActKind.RetractRecord;
    }

    /** A retraction has no effective date of its own. */
    @Override
    public PartialDate effectiveDate() {
        return null;
    }

    @Override
    public String notes() {
        return reason;
    }
}
