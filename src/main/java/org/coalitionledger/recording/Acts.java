package org.coalitionledger.recording;

import org.coalitionledger.agreement.event.AgreementRegistered;
import org.coalitionledger.agreement.event.AgreementSigned;
import org.coalitionledger.agreement.event.AgreementWithdrawn;
import org.coalitionledger.coalition.event.CoalitionFormed;
import org.coalitionledger.coalition.event.CoalitionJoined;
import org.coalitionledger.coalition.event.CoalitionLeft;
import org.coalitionledger.coalition.event.IntentDeclared;
import org.coalitionledger.coalition.event.LeadDesignated;
import org.coalitionledger.common.RecordedAct;
import org.coalitionledger.correction.event.RecordCorrected;
import org.coalitionledger.correction.event.RecordRetracted;

import java.util.Map;

/** Names shared by everything that records acts: the metadata keys and the command that produced each event. */
public final class Acts {

    /** Metadata key: the authenticated user who recorded the act. Set by the system, never by the request. */
    public static final String RECORDED_BY = "recordedBy";
    /** Metadata key: how the act reached the ledger ("api", "web" for the record forms, or "import"). */
    public static final String CHANNEL = "channel";
    /**
     * Metadata key prefix for provenance carried by an imported export line: the record id, recorder and record
     * time it had in the ledger it was exported from. Kept for the audit trail; never used as this ledger's own.
     */
    public static final String IMPORTED = "imported";

    private static final Map<Class<?>, String> COMMAND_OF = Map.ofEntries(
            Map.entry(RecordCorrected.class, "CorrectRecord"),
            Map.entry(RecordRetracted.class, "RetractRecord"),
            Map.entry(CoalitionFormed.class, "FormCoalition"),
            Map.entry(CoalitionJoined.class, "JoinCoalition"),
            Map.entry(IntentDeclared.class, "DeclareIntent"),
            Map.entry(LeadDesignated.class, "DesignateLead"),
            Map.entry(CoalitionLeft.class, "LeaveCoalition"),
            Map.entry(AgreementRegistered.class, "RegisterAgreement"),
            Map.entry(AgreementSigned.class, "SignAgreement"),
            Map.entry(AgreementWithdrawn.class, "WithdrawFromAgreement"));

    private Acts() {
    }

    /** The name of the command that recorded this act, as used in the import format and the history. */
    public static String commandOf(RecordedAct act) {
        return COMMAND_OF.getOrDefault(act.getClass(), act.getClass().getSimpleName());
    }
}
