package org.coalitionledger.recording;

import org.coalitionledger.agreement.command.RegisterAgreement;
import org.coalitionledger.agreement.command.SignAgreement;
import org.coalitionledger.agreement.command.WithdrawFromAgreement;
import org.coalitionledger.coalition.command.DeclareIntent;
import org.coalitionledger.coalition.command.DesignateLead;
import org.coalitionledger.coalition.command.FormCoalition;
import org.coalitionledger.coalition.command.JoinCoalition;
import org.coalitionledger.coalition.command.LeaveCoalition;
import org.coalitionledger.common.Rejection;
import org.coalitionledger.common.Source;
import org.coalitionledger.common.Text;
import org.coalitionledger.correction.command.CorrectRecord;
import org.coalitionledger.correction.command.RetractRecord;

import java.util.List;
import java.util.Objects;

/**
 * The JSON bodies of the recording endpoints and the lines of the import format, with the field names used
 * verbatim. They carry no record id, recorder or record time: the system adds those.
 */
public final class ActRequests {

    private ActRequests() {
    }

    public record FormCoalitionRequest(String coalition, String name, String parentGroup, List<String> focusAreas,
                                       String effectiveDate, Source source, String notes) {

        public FormCoalition toCommand(String recordId) {
            return new FormCoalition(coalition, name, parentGroup, focusAreas, effectiveDate, source, notes,
                                     recordId);
        }
    }

    /** JoinCoalition, DeclareIntent, DesignateLead and LeaveCoalition. {@code coalition} may come from the path. */
    public record PartyActRequest(String coalition, String party, String effectiveDate, Source source,
                                  String notes) {

        public PartyActRequest atCoalition(String pathId) {
            return new PartyActRequest(sameId("coalition", coalition, pathId), party, effectiveDate, source, notes);
        }

        public JoinCoalition toJoin(String recordId) {
            return new JoinCoalition(coalition, party, effectiveDate, source, notes, recordId);
        }

        public DeclareIntent toIntent(String recordId) {
            return new DeclareIntent(coalition, party, effectiveDate, source, notes, recordId);
        }

        public DesignateLead toLead(String recordId) {
            return new DesignateLead(coalition, party, effectiveDate, source, notes, recordId);
        }

        public LeaveCoalition toDeparture(String recordId) {
            return new LeaveCoalition(coalition, party, effectiveDate, source, notes, recordId);
        }
    }

    public record RegisterAgreementRequest(String agreement, String coalition, String title, String commitmentTerm,
                                           String effectiveDate, Source source, String notes) {

        public RegisterAgreement toCommand(String recordId) {
            return new RegisterAgreement(agreement, coalition, title, commitmentTerm, effectiveDate, source, notes,
                                         recordId);
        }
    }

    /** SignAgreement and WithdrawFromAgreement. {@code agreement} may come from the path. */
    public record SignatoryActRequest(String agreement, String party, String effectiveDate, Source source,
                                      String notes) {

        public SignatoryActRequest atAgreement(String pathId) {
            return new SignatoryActRequest(sameId("agreement", agreement, pathId), party, effectiveDate, source,
                                           notes);
        }

        public SignAgreement toSignature(String recordId) {
            return new SignAgreement(agreement, party, effectiveDate, source, notes, recordId);
        }

        public WithdrawFromAgreement toWithdrawal(String recordId) {
            return new WithdrawFromAgreement(agreement, party, effectiveDate, source, notes, recordId);
        }
    }

    /** CorrectRecord: {@code recordId} names the record corrected and may come from the path. */
    public record CorrectionRequest(String recordId, String effectiveDate, String reason, Source source) {

        public CorrectionRequest atRecord(String pathId) {
            return new CorrectionRequest(sameId("recordId", recordId, pathId), effectiveDate, reason, source);
        }

        public CorrectRecord toCommand(String correctionId) {
            return new CorrectRecord(recordId, effectiveDate, reason, source, correctionId);
        }
    }

    /** RetractRecord: {@code recordId} names the record retracted and may come from the path. */
    public record RetractionRequest(String recordId, String reason, Source source) {

        public RetractionRequest atRecord(String pathId) {
            return new RetractionRequest(sameId("recordId", recordId, pathId), reason, source);
        }

        public RetractRecord toCommand(String retractionId) {
            return new RetractRecord(recordId, reason, source, retractionId);
        }
    }

    /** A body may repeat the id of its path, but not contradict it. */
    private static String sameId(String field, String inBody, String inPath) {
        if (inBody != null && !Objects.equals(inBody, inPath)) {
            throw Rejection.invalid(field, field + " in the body ('" + Text.clip(inBody)
                    + "') differs from the one in the path");
        }
        return inPath;
    }
}
