package org.coalitionledger.agreement.event;

import org.coalitionledger.common.ActKind;
import org.coalitionledger.common.PartialDate;
import org.coalitionledger.common.Source;

/** A state consented to be bound by the agreement, by {@code means}. */
public record ConsentExpressed(String recordId, String agreement, String coalition, String party,
                               PartialDate effectiveDate, ConsentMeans means, Source source, String notes)
        implements SignatoryAct {

    @Override
    public ActKind kind() {
        return ActKind.ConsentToBeBound;
    }
}
