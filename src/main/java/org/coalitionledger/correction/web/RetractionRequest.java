package org.coalitionledger.correction.web;

import org.coalitionledger.web.FieldChecks;
import org.coalitionledger.web.FieldChecked;
import org.coalitionledger.web.CheckedFields;
import org.coalitionledger.common.Checks;
import org.coalitionledger.common.Source;
import org.coalitionledger.correction.command.RetractRecord;
import org.coalitionledger.web.Params;

/** RetractRecord: {@code recordId} names the record retracted and may come from the path. */
@CheckedFields
public record RetractionRequest(String recordId, String reason, Source source) implements FieldChecked {

    @Override
    public void check(FieldChecks checks) {
        checks.check(() -> Checks.text("recordId", recordId, Checks.MAX_ID))
              .check(() -> Checks.text("reason", reason, Checks.MAX_NOTES))
              .check(() -> Checks.source(source, checks.today()));
    }

    public RetractionRequest atRecord(String pathId) {
        return new RetractionRequest(Params.sameId("recordId", recordId, pathId), reason, source);
    }

    public RetractRecord toCommand(String retractionId) {
        return new RetractRecord(recordId, reason, source, retractionId);
    }
}
