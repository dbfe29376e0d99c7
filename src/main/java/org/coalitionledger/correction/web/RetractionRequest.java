package org.coalitionledger.correction.web;

import org.coalitionledger.common.Source;
import org.coalitionledger.correction.command.RetractRecord;
import org.coalitionledger.web.Params;

/** RetractRecord: {@code recordId} names the record retracted and may come from the path. */
public record RetractionRequest(String recordId, String reason, Source source) {

    public RetractionRequest atRecord(String pathId) {
        return new RetractionRequest(Params.sameId("recordId", recordId, pathId), reason, source);
    }

    public RetractRecord toCommand(String retractionId) {
        return new RetractRecord(recordId, reason, source, retractionId);
    }
}
