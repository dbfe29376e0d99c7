package org.coalitionledger.agreement.event;

import org.coalitionledger.common.ActKind;
import org.coalitionledger.common.PartialDate;
import org.coalitionledger.common.Source;

/** A state signed the agreement. */
public record AgreementSigned(String recordId, String agreement, String coalition, String party,
                              PartialDate effectiveDate, Source source, String notes) implements SignatoryAct {

    @Override
    public ActKind kind() {
        return ActKind.SignAgreement;
    }
}
