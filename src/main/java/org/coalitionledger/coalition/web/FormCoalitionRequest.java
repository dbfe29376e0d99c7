package org.coalitionledger.coalition.web;

import org.coalitionledger.coalition.command.FormCoalition;
import org.coalitionledger.common.Source;

import java.util.List;

/** The body of FormCoalition, as the API, the record form and the import take it. */
public record FormCoalitionRequest(String coalition, String name, String parentGroup, List<String> focusAreas,
                                   String effectiveDate, Source source, String notes) {

    public FormCoalition toCommand(String recordId) {
        return new FormCoalition(coalition, name, parentGroup, focusAreas, effectiveDate, source, notes,
                                 recordId);
    }
}
