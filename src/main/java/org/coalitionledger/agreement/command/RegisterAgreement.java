package org.coalitionledger.agreement.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.coalitionledger.agreement.event.EntryIntoForceRule;
import org.coalitionledger.common.Source;

/**
 * Registers an agreement of a coalition. {@code commitmentTerm} is an ISO-8601 period (e.g. P6Y): each commitment
 * lasts that long. {@code effectiveDate} is optional. {@code commitmentStarts} (SIGNATURE, the default, or
 * ENTRY_INTO_FORCE), {@code entryIntoForce} and {@code withdrawalNotice} (an ISO-8601 period) are optional.
 */
public record RegisterAgreement(@TargetAggregateIdentifier String agreement, String coalition, String title,
                                String commitmentTerm, String effectiveDate, Source source, String notes,
                                String recordId, String commitmentStarts, EntryIntoForceRule entryIntoForce,
                                String withdrawalNotice) implements AgreementCommand {

    /** A registration without the treaty rules. */
    public RegisterAgreement(String agreement, String coalition, String title, String commitmentTerm,
                             String effectiveDate, Source source, String notes, String recordId) {
        this(agreement, coalition, title, commitmentTerm, effectiveDate, source, notes, recordId, null, null, null);
    }
}
