package org.coalitionledger.agreement.web;

import com.fasterxml.jackson.annotation.JsonCreator;
import org.coalitionledger.agreement.event.EntryIntoForceRule;
import org.coalitionledger.web.FieldChecks;
import org.coalitionledger.web.FieldChecked;
import org.coalitionledger.web.CheckedFields;
import org.coalitionledger.common.Checks;
import org.coalitionledger.agreement.command.RegisterAgreement;
import org.coalitionledger.common.Source;

/**
 * The body of RegisterAgreement, as the API, the record form and the import take it. {@code commitmentTerm}
 * (absent: commitments are open-ended), {@code commitmentStarts}, {@code entryIntoForce} and
 * {@code withdrawalNotice} are optional (the aggregate checks them).
 */
@CheckedFields
public record RegisterAgreementRequest(String agreement, String coalition, String title, String commitmentTerm,
                                       String effectiveDate, Source source, String notes, String commitmentStarts,
                                       EntryIntoForceRule entryIntoForce, String withdrawalNotice)
        implements FieldChecked {

    @JsonCreator
    public RegisterAgreementRequest {
    }

    /** A registration without the treaty rules. */
    public RegisterAgreementRequest(String agreement, String coalition, String title, String commitmentTerm,
                                    String effectiveDate, Source source, String notes) {
        this(agreement, coalition, title, commitmentTerm, effectiveDate, source, notes, null, null, null);
    }

    @Override
    public void check(FieldChecks checks) {
        checks.check(() -> Checks.slug("agreement", agreement))
              .check(() -> Checks.slug("coalition", coalition))
              .check(() -> Checks.text("title", title, Checks.MAX_TITLE))
              .checkIfPresent(commitmentTerm, () -> Checks.term("commitmentTerm", commitmentTerm))
              .checkIfPresent(effectiveDate,
                              () -> Checks.effectiveDate("effectiveDate", effectiveDate, checks.today()))
              .checkIfPresent(withdrawalNotice, () -> Checks.term("withdrawalNotice", withdrawalNotice))
              .check(() -> Checks.source(source, checks.today()))
              .check(() -> Checks.notes(notes));
    }

    public RegisterAgreement toCommand(String recordId) {
        return new RegisterAgreement(agreement, coalition, title, commitmentTerm, effectiveDate, source, notes,
                                     recordId, commitmentStarts, entryIntoForce, withdrawalNotice);
    }
}
