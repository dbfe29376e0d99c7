package org.coalitionledger.correction.web;

import org.coalitionledger.common.Source;
import org.coalitionledger.correction.command.CorrectRecord;
import org.coalitionledger.web.Params;

/** CorrectRecord: {@code recordId} names the record corrected and may come from the path. */
public record CorrectionRequest(String recordId, String effectiveDate, String reason, Source source) {

    public CorrectionRequest atRecord(String pathId) {
        return new CorrectionRequest(Params.sameId("recordId", recordId, pathId), effectiveDate, reason, source);
    }

    public CorrectRecord toCommand(String correctionId) {
        return new CorrectRecord(recordId, effectiveDate, reason, source, correctionId);
    }
}
