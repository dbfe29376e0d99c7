package org.coalitionledger.agreement.web;

import org.coalitionledger.agreement.command.NotifyWithdrawal;
import org.coalitionledger.common.Checks;
import org.coalitionledger.common.Source;
import org.coalitionledger.web.CheckedFields;
import org.coalitionledger.web.FieldChecked;
import org.coalitionledger.web.FieldChecks;
import org.coalitionledger.web.Params;

/** NotifyWithdrawal: {@code effectiveDate} is the day of the notice. {@code agreement} may come from the path. */
@CheckedFields
public record WithdrawalNoticeRequest(String agreement, String party, String effectiveDate, String takesEffect,
                                      Source source, String notes) implements FieldChecked {

    @Override
    public void check(FieldChecks checks) {
        checks.check(() -> Checks.text("agreement", agreement, Checks.MAX_ID))
              .check(() -> Checks.party("party", party))
              .check(() -> Checks.effectiveDate("effectiveDate", effectiveDate, checks.today()))
              .checkIfPresent(takesEffect, () -> Checks.date("takesEffect", takesEffect))
              .check(() -> Checks.source(source, checks.today()))
              .check(() -> Checks.notes(notes));
    }

    public WithdrawalNoticeRequest atAgreement(String pathId) {
        return new WithdrawalNoticeRequest(Params.sameId("agreement", agreement, pathId), party, effectiveDate,
                                           takesEffect, source, notes);
    }

    public NotifyWithdrawal toCommand(String recordId) {
        return new NotifyWithdrawal(agreement, party, effectiveDate, takesEffect, source, notes, recordId);
    }
}
