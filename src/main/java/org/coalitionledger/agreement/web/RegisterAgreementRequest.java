package org.coalitionledger.agreement.web;

import org.coalitionledger.agreement.command.RegisterAgreement;
import org.coalitionledger.common.Source;

/** The body of RegisterAgreement, as the API, the record form and the import take it. */
public record RegisterAgreementRequest(String agreement, String coalition, String title, String commitmentTerm,
                                       String effectiveDate, Source source, String notes) {

    public RegisterAgreement toCommand(String recordId) {
        return new RegisterAgreement(agreement, coalition, title, commitmentTerm, effectiveDate, source, notes,
                                     recordId);
    }
}
