package org.coalitionledger.agreement.web;

import org.coalitionledger.agreement.command.SignAgreement;
import org.coalitionledger.agreement.command.WithdrawFromAgreement;
import org.coalitionledger.common.Source;
import org.coalitionledger.web.Params;

/** SignAgreement and WithdrawFromAgreement. {@code agreement} may come from the path. */
public record SignatoryActRequest(String agreement, String party, String effectiveDate, Source source,
                                  String notes) {

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
