package org.coalitionledger.agreement.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import org.coalitionledger.common.ActKind;
import org.coalitionledger.common.PartialDate;
import org.coalitionledger.common.RecordedAct;
import org.coalitionledger.common.Source;

/**
 * An agreement of a coalition was registered; {@code effectiveDate} may be null. {@code commitmentStarts},
 * {@code entryIntoForce} and {@code withdrawalNotice} are null in events stored before they existed (and whenever
 * not given): a commitment then starts on the signature, and the agreement has no rule for entry into force and no
 * notice period.
 */
public record AgreementRegistered(String recordId, String agreement, String coalition, String title,
                                  String commitmentTerm, PartialDate effectiveDate, Source source, String notes,
                                  CommitmentStarts commitmentStarts, EntryIntoForceRule entryIntoForce,
                                  String withdrawalNotice)
        implements RecordedAct {

    @JsonCreator
    public AgreementRegistered {
    }

    /** A registration without the treaty rules: commitments start on the signature. */
    public AgreementRegistered(String recordId, String agreement, String coalition, String title,
                               String commitmentTerm, PartialDate effectiveDate, Source source, String notes) {
        this(recordId, agreement, coalition, title, commitmentTerm, effectiveDate, source, notes, null, null, null);
    }

    /** When commitments start: {@link CommitmentStarts#SIGNATURE} unless registered otherwise. */
    public CommitmentStarts starts() {
        return commitmentStarts == null ? CommitmentStarts.SIGNATURE : commitmentStarts;
    }

    @Override
    public ActKind kind() {
        return ActKind.RegisterAgreement;
    }
}
