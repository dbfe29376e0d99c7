package org.coalitionledger.agreement.event;

import org.coalitionledger.common.ActKind;
import org.coalitionledger.common.PartialDate;
import org.coalitionledger.common.Source;

/** A state withdrew from the agreement. */
public record AgreementWithdrawn(String recordId, String agreement, String coalition, String party,
                                 PartialDate effectiveDate, Source source, String notes) implements SignatoryAct {

    @Override
    public ActKind kind() {
        return ActKind.WithdrawFromAgreement;
    }
}
