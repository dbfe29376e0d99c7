package org.coalitionledger.correction.web;

import org.coalitionledger.web.FieldChecks;
import org.coalitionledger.web.FieldChecked;
import org.coalitionledger.web.CheckedFields;
import org.coalitionledger.common.Checks;
import org.coalitionledger.common.Source;
import org.coalitionledger.correction.command.CorrectRecord;
import org.coalitionledger.web.Params;

/** CorrectRecord: {@code recordId} names the record corrected and may come from the path. */
@CheckedFields
public record CorrectionRequest(String recordId, String effectiveDate, String reason, Source source)
        implements FieldChecked {

    @Override
    public void check(FieldChecks checks) {
        checks.check(() -> Checks.text("recordId", recordId, Checks.MAX_ID))
              .check(() -> Checks.effectiveDate("effectiveDate", effectiveDate, checks.today()))
              .check(() -> Checks.text("reason", reason, Checks.MAX_NOTES))
              .check(() -> Checks.source(source, checks.today()));
    }

    public CorrectionRequest atRecord(String pathId) {
        return new CorrectionRequest(Params.sameId("recordId", recordId, pathId), effectiveDate, reason, source);
    }

    public CorrectRecord toCommand(String correctionId) {
        return new CorrectRecord(recordId, effectiveDate, reason, source, correctionId);
    }
}
