package org.coalitionledger.agreement.web;

import org.coalitionledger.agreement.command.RecordEntryIntoForce;
import org.coalitionledger.common.Checks;
import org.coalitionledger.common.Source;
import org.coalitionledger.web.CheckedFields;
import org.coalitionledger.web.FieldChecked;
import org.coalitionledger.web.FieldChecks;
import org.coalitionledger.web.Params;

/** RecordEntryIntoForce: the agreement's general entry into force. {@code agreement} may come from the path. */
@CheckedFields
public record EntryIntoForceRequest(String agreement, String effectiveDate, Source source, String notes)
        implements FieldChecked {

    @Override
    public void check(FieldChecks checks) {
        checks.check(() -> Checks.text("agreement", agreement, Checks.MAX_ID))
              .check(() -> Checks.effectiveDate("effectiveDate", effectiveDate, checks.today()))
              .check(() -> Checks.source(source, checks.today()))
              .check(() -> Checks.notes(notes));
    }

    public EntryIntoForceRequest atAgreement(String pathId) {
        return new EntryIntoForceRequest(Params.sameId("agreement", agreement, pathId), effectiveDate, source, notes);
    }

    public RecordEntryIntoForce toCommand(String recordId) {
        return new RecordEntryIntoForce(agreement, effectiveDate, source, notes, recordId);
    }
}
