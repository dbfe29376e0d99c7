package org.coalitionledger.agreement.web;

import org.coalitionledger.web.FieldChecks;
import org.coalitionledger.web.FieldChecked;
import org.coalitionledger.web.CheckedFields;
import org.coalitionledger.common.Checks;
import org.coalitionledger.agreement.command.SignAgreement;
import org.coalitionledger.agreement.command.WithdrawFromAgreement;
import org.coalitionledger.common.Source;
import org.coalitionledger.web.Params;

/** SignAgreement and WithdrawFromAgreement. {@code agreement} may come from the path. */
@CheckedFields
public record SignatoryActRequest(String agreement, String party, String effectiveDate, Source source,
                                  String notes) implements FieldChecked {

    @Override
    public void check(FieldChecks checks) {
        checks.check(() -> Checks.text("agreement", agreement, Checks.MAX_ID))
              .check(() -> Checks.party("party", party))
              .check(() -> Checks.effectiveDate("effectiveDate", effectiveDate, checks.today()))
              .check(() -> Checks.source(source, checks.today()))
              .check(() -> Checks.notes(notes));
    }

    public SignatoryActRequest atAgreement(String pathId) {
        return new SignatoryActRequest(Params.sameId("agreement", agreement, pathId), party, effectiveDate, source,
                                       notes);
    }

    public SignAgreement toSignature(String recordId) {
        return new SignAgreement(agreement, party, effectiveDate, source, notes, recordId);
    }

    public WithdrawFromAgreement toWithdrawal(String recordId) {
        return new WithdrawFromAgreement(agreement, party, effectiveDate, source, notes, recordId);
    }
}
