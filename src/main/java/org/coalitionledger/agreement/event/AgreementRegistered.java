package org.coalitionledger.agreement.event;

import org.coalitionledger.common.ActKind;
import org.coalitionledger.common.PartialDate;
import org.coalitionledger.common.RecordedAct;
import org.coalitionledger.common.Source;

/** An agreement of a coalition was registered; {@code effectiveDate} may be null. */
public record AgreementRegistered(String recordId, String agreement, String coalition, String title,
                                  String commitmentTerm, PartialDate effectiveDate, Source source, String notes)
        implements RecordedAct {

    @Override
    public ActKind kind() {
        return ActKind.RegisterAgreement;
    }
}
