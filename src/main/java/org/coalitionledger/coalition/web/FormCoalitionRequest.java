package org.coalitionledger.coalition.web;

import org.coalitionledger.web.FieldChecks;
import org.coalitionledger.web.FieldChecked;
import org.coalitionledger.web.CheckedFields;
import org.coalitionledger.common.Checks;
import org.coalitionledger.coalition.command.FormCoalition;
import org.coalitionledger.common.Source;

import java.util.List;

/** The body of FormCoalition, as the API, the record form and the import take it. */
@CheckedFields
public record FormCoalitionRequest(String coalition, String name, String parentGroup, List<String> focusAreas,
                                   String effectiveDate, Source source, String notes) implements FieldChecked {

    @Override
    public void check(FieldChecks checks) {
        checks.check(() -> Checks.slug("coalition", coalition))
              .check(() -> Checks.text("name", name, Checks.MAX_TITLE))
              .check(() -> Checks.optionalText("parentGroup", parentGroup, Checks.MAX_TITLE))
              .check(() -> Checks.focusAreas("focusAreas", focusAreas))
              .check(() -> Checks.effectiveDate("effectiveDate", effectiveDate, checks.today()))
              .check(() -> Checks.source(source, checks.today()))
              .check(() -> Checks.notes(notes));
    }

    public FormCoalition toCommand(String recordId) {
        return new FormCoalition(coalition, name, parentGroup, focusAreas, effectiveDate, source, notes,
                                 recordId);
    }
}
