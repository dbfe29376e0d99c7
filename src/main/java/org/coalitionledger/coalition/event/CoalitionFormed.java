package org.coalitionledger.coalition.event;

import org.coalitionledger.common.ActKind;
import org.coalitionledger.common.PartialDate;
import org.coalitionledger.common.RecordedAct;
import org.coalitionledger.common.Source;

import java.util.List;

/** A coalition was formed. */
public record CoalitionFormed(String recordId, String coalition, String name, String parentGroup,
                              List<String> focusAreas, PartialDate effectiveDate, Source source, String notes)
        implements RecordedAct {

    @Override
    public ActKind kind() {
        return ActKind.FormCoalition;
    }
}
