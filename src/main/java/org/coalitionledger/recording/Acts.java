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

import java.util.Map;

/** Names shared by everything that records acts: the metadata keys and the command that produced each event. */
public final class Acts {

    /** Metadata key: the authenticated user who recorded the act. Set by the system, never by the request. */
    public static final String RECORDED_BY = "recordedBy";
    /** Metadata key: how the act reached the ledger ("api" or "import"). */
    public static final String CHANNEL = "channel";

    private static final Map<Class<?>, String> COMMAND_OF = Map.of(
            CoalitionFormed.class, "FormCoalition",
            CoalitionJoined.class, "JoinCoalition",
            IntentDeclared.class, "DeclareIntent",
            LeadDesignated.class, "DesignateLead",
            CoalitionLeft.class, "LeaveCoalition",
            AgreementRegistered.class, "RegisterAgreement",
            AgreementSigned.class, "SignAgreement",
            AgreementWithdrawn.class, "WithdrawFromAgreement");

    private Acts() {
    }

    /** The name of the command that recorded this act, as used in the import format and the history. */
    public static String commandOf(RecordedAct act) {
        return COMMAND_OF.getOrDefault(act.getClass(), act.getClass().getSimpleName());
    }
}
