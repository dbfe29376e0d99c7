package org.coalitionledger.agreement.web;

import org.coalitionledger.agreement.command.ConsentToBeBound;
import org.coalitionledger.common.Checks;
import org.coalitionledger.common.Source;
import org.coalitionledger.web.CheckedFields;
import org.coalitionledger.web.FieldChecked;
import org.coalitionledger.web.FieldChecks;
import org.coalitionledger.web.Params;

/** ConsentToBeBound. {@code agreement} may come from the path; {@code means} is checked by the aggregate. */
@CheckedFields
public record ConsentRequest(String agreement, String party, String effectiveDate, String means, Source source,
                             String notes) implements FieldChecked {

    @Override
    public void check(FieldChecks checks) {
        checks.check(() -> Checks.text("agreement", agreement, Checks.MAX_ID))
              .check(() -> Checks.party("party", party))
              .check(() -> Checks.effectiveDate("effectiveDate", effectiveDate, checks.today()))
              .check(() -> Checks.text("means", means, Checks.MAX_ID))
              .check(() -> Checks.source(source, checks.today()))
              .check(() -> Checks.notes(notes));
    }

    public ConsentRequest atAgreement(String pathId) {
        return new ConsentRequest(Params.sameId("agreement", agreement, pathId), party, effectiveDate, means, source,
                                  notes);
    }

    public ConsentToBeBound toCommand(String recordId) {
        return new ConsentToBeBound(agreement, party, effectiveDate, means, source, notes, recordId);
    }
}
