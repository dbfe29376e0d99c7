package org.coalitionledger.common;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every kind of act the ledger records, named once: the command that records it (as the API, the import format, the
 * export and the history name it), the event it produces, a few words for the pages, and the kind of aggregate that
 * holds it. Every table of act names reads this enum; adding an act adds a constant here (docs/architecture.md,
 * "Adding an act").
 *
 * <p>The order of the constants is the order in which an import applies lines that do not carry their original
 * record times ({@link #importPhase()}), and within a phase the order of same-day acts: a coalition's acts in the
 * order they take effect on one day (MembershipTimeline.Kind), so that an import never applies an act before the
 * same-day act it needs (a lead designation on the day of a reinstatement).
 */
public enum ActKind {

    FormCoalition("CoalitionFormed", "formed", Holder.COALITION, 0),
    RegisterAgreement("AgreementRegistered", "agreement registered", Holder.AGREEMENT, 1),
    LeaveCoalition("CoalitionLeft", "left", Holder.COALITION, 2),
    WithdrawFromAgreement("AgreementWithdrawn", "withdrew", Holder.AGREEMENT, 2),
    ReinstateMember("MemberReinstated", "reinstated", Holder.COALITION, 2),
    DeclareIntent("IntentDeclared", "declared intent", Holder.COALITION, 2),
    AdmitObserver("ObserverAdmitted", "admitted as observer", Holder.COALITION, 2),
    JoinCoalition("CoalitionJoined", "joined", Holder.COALITION, 2),
    SuspendMember("MemberSuspended", "suspended", Holder.COALITION, 2),
    DesignateLead("LeadDesignated", "designated lead", Holder.COALITION, 2),
    SignAgreement("AgreementSigned", "signed", Holder.AGREEMENT, 2),
    ConsentToBeBound("ConsentExpressed", "consented to be bound", Holder.AGREEMENT, 2),
    RecordEntryIntoForce("EntryIntoForceRecorded", "entered into force", Holder.AGREEMENT, 2),
    NotifyWithdrawal("WithdrawalNotified", "notified withdrawal", Holder.AGREEMENT, 2),
    CorrectRecord("RecordCorrected", "correction", Holder.RECORD, 3),
    RetractRecord("RecordRetracted", "retraction", Holder.RECORD, 3);

    /** Which aggregate holds an act of this kind. */
    public enum Holder {
        /** A coalition's acts: held by the {@code Coalition} aggregate. */
        COALITION("Coalition"),
        /** An agreement's acts: held by the {@code Agreement} aggregate. */
        AGREEMENT("Agreement"),
        /** Corrections and retractions: held by whichever aggregate holds the record they name. */
        RECORD(null);

        private final String aggregateType;

        Holder(String aggregateType) {
            this.aggregateType = aggregateType;
        }

        /** The aggregate's type as the event store names it, or empty for {@link #RECORD}. */
        public Optional<String> aggregateType() {
            return Optional.ofNullable(aggregateType);
        }
    }

    private final String event;
    private final String label;
    private final Holder holder;
    private final int importPhase;

    ActKind(String event, String label, Holder holder, int importPhase) {
        this.event = event;
        this.label = label;
        this.holder = holder;
        this.importPhase = importPhase;
    }

    /** The command's name: the enum constant's own name, as the API, import, export and history use it. */
    public String command() {
        return name();
    }

    /** The simple name of the event record this act produces (its payload type in the event store). */
    public String event() {
        return event;
    }

    /** What the act did, in a few words, for the pages and reports. */
    public String label() {
        return label;
    }

    public Holder holder() {
        return holder;
    }

    /** 0 formations, 1 agreement registrations, 2 every other act, 3 corrections and retractions. */
    public int importPhase() {
        return importPhase;
    }

    /**
     * True when a recorded act of this kind may have its effective date corrected: every act of a party, and a
     * coalition's formation (as long as no act of the coalition then falls before it). The aggregates refuse the
     * others, and the pages offer a correction only where this holds.
     */
    public boolean correctable() {
        return this == FormCoalition || retractable();
    }

    /**
     * True when a recorded act of this kind may be retracted: the acts of parties. What created a coalition or an
     * agreement stays, as do corrections and retractions themselves.
     */
    public boolean retractable() {
        return !isCorrection() && this != FormCoalition && this != RegisterAgreement;
    }

    /** True for the acts that change another record: corrections and retractions. */
    public boolean isCorrection() {
        return holder == Holder.RECORD;
    }

    /** The kind whose command has this name. */
    public static Optional<ActKind> ofCommand(String command) {
        return Arrays.stream(values()).filter(kind -> kind.name().equals(command)).findFirst();
    }

    /** The kind whose event record has this simple name. */
    public static Optional<ActKind> ofEvent(String event) {
        return Arrays.stream(values()).filter(kind -> kind.event.equals(event)).findFirst();
    }

    /** Every command name, comma-separated, for error messages. */
    public static String commands() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
