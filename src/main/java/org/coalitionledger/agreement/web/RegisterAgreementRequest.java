package org.coalitionledger.agreement.web;

import org.coalitionledger.web.FieldChecks;
import org.coalitionledger.web.FieldChecked;
import org.coalitionledger.web.CheckedFields;
import org.coalitionledger.common.Checks;
import org.coalitionledger.agreement.command.RegisterAgreement;
import org.coalitionledger.common.Source;

/** The body of RegisterAgreement, as the API, the record form and the import take it. */
@CheckedFields
public record RegisterAgreementRequest(String agreement, String coalition, String title, String commitmentTerm,
                                       String effectiveDate, Source source, String notes) implements FieldChecked {

    @Override
    public void check(FieldChecks checks) {
        checks.check(() -> Checks.slug("agreement", agreement))
              .check(() -> Checks.slug("coalition", coalition))
              .check(() -> Checks.text("title", title, Checks.MAX_TITLE))
              .check(() -> Checks.term("commitmentTerm", commitmentTerm))
              .checkIfPresent(effectiveDate,
                              () -> Checks.effectiveDate("effectiveDate", effectiveDate, checks.today()))
              .check(() -> Checks.source(source, checks.today()))
              .check(() -> Checks.notes(notes));
    }

    public RegisterAgreement toCommand(String recordId) {
        return new RegisterAgreement(agreement, coalition, title, commitmentTerm, effectiveDate, source, notes,
                                     recordId);
    }
}
