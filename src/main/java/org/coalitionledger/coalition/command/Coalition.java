package org.coalitionledger.coalition.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.coalitionledger.coalition.command.MembershipTimeline.Kind;
import org.coalitionledger.coalition.event.CoalitionFormed;
import org.coalitionledger.coalition.event.CoalitionJoined;
import org.coalitionledger.coalition.event.CoalitionLeft;
import org.coalitionledger.coalition.event.IntentDeclared;
import org.coalitionledger.coalition.event.LeadDesignated;
import org.coalitionledger.coalition.event.MemberReinstated;
import org.coalitionledger.coalition.event.MemberSuspended;
import org.coalitionledger.coalition.event.ObserverAdmitted;
import org.coalitionledger.coalition.event.PartyAct;
import org.coalitionledger.common.Checks;
import org.coalitionledger.common.ActKind;
import org.coalitionledger.common.PartialDate;
import org.coalitionledger.common.RecordBook;
import org.coalitionledger.common.Rejection;
import org.coalitionledger.common.Source;
import org.coalitionledger.common.Timeline.Act;
import org.coalitionledger.correction.command.CorrectRecord;
import org.coalitionledger.correction.command.RecordRouting;
import org.coalitionledger.correction.command.RetractRecord;
import org.coalitionledger.correction.event.RecordCorrected;
import org.coalitionledger.correction.event.RecordRetracted;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A coalition and the membership acts of its parties. It keeps only what its decisions need: when it was formed
 * and each party's timeline of acts.
 */
@Aggregate(cache = "coalitionCache", commandTargetResolver = "actTargetResolver", lockFactory = "aggregateLocks")
public class Coalition {

    /** The names this aggregate handles corrections and retractions under ({@link RecordRouting}). */
    static final String CORRECT = "CorrectRecord@Coalition";
    static final String RETRACT = "RetractRecord@Coalition";

    @AggregateIdentifier
    private String id;
    private PartialDate formedOn;
    private final Map<String, MembershipTimeline> parties = new HashMap<>();
    private final RecordBook records = new RecordBook(ActKind.FormCoalition);
    private long actCount;

    /** Axon needs a no-argument constructor to rebuild the aggregate from its events. */
    protected Coalition() {
    }

    @CommandHandler
    public Coalition(FormCoalition command, CoalitionDirectory directory, Clock clock) {
        Checks.slug("coalition", command.coalition());
        Checks.text("name", command.name(), Checks.MAX_TITLE);
        Checks.optionalText("parentGroup", command.parentGroup(), Checks.MAX_TITLE);
        Checks.focusAreas("focusAreas", command.focusAreas());
        PartialDate effective = Checks.effectiveDate("effectiveDate", command.effectiveDate(), LocalDate.now(clock));
        Source source = Checks.source(command.source(), LocalDate.now(clock));
        Checks.notes(command.notes());
        Checks.text("recordId", command.recordId(), Checks.MAX_ID);
        if (directory.isTaken(command.coalition())) {
            throw Rejection.conflict("coalition", "the id '" + command.coalition()
                    + "' is already used by a coalition or an agreement");
        }
        apply(new CoalitionFormed(command.recordId(), command.coalition(), command.name(), command.parentGroup(),
                                  Checks.focusAreas("focusAreas", command.focusAreas()), effective, source,
                                  command.notes()));
    }

    @CommandHandler
    public String handle(JoinCoalition command, Clock clock) {
        return record(Kind.JOIN, LocalDate.now(clock), command.party(), command.effectiveDate(), command.source(),
                      command.notes(), command.recordId(),
                      date -> new CoalitionJoined(command.recordId(), id, command.party(), date, command.source(),
                                                  command.notes()));
    }

    @CommandHandler
    public String handle(DeclareIntent command, Clock clock) {
        return record(Kind.INTENT, LocalDate.now(clock), command.party(), command.effectiveDate(), command.source(),
                      command.notes(), command.recordId(),
                      date -> new IntentDeclared(command.recordId(), id, command.party(), date, command.source(),
                                                 command.notes()));
    }

    @CommandHandler
    public String handle(DesignateLead command, Clock clock) {
        return record(Kind.LEAD, LocalDate.now(clock), command.party(), command.effectiveDate(), command.source(),
                      command.notes(), command.recordId(),
                      date -> new LeadDesignated(command.recordId(), id, command.party(), date, command.source(),
                                                 command.notes()));
    }

    @CommandHandler
    public String handle(LeaveCoalition command, Clock clock) {
        return record(Kind.LEAVE, LocalDate.now(clock), command.party(), command.effectiveDate(), command.source(),
                      command.notes(), command.recordId(),
                      date -> new CoalitionLeft(command.recordId(), id, command.party(), date, command.source(),
                                                command.notes()));
    }

    @CommandHandler
    public String handle(SuspendMember command, Clock clock) {
        return record(Kind.SUSPEND, LocalDate.now(clock), command.party(), command.effectiveDate(), command.source(),
                      command.notes(), command.recordId(),
                      date -> new MemberSuspended(command.recordId(), id, command.party(), date, command.source(),
                                                  command.notes()));
    }

    @CommandHandler
    public String handle(ReinstateMember command, Clock clock) {
        return record(Kind.REINSTATE, LocalDate.now(clock), command.party(), command.effectiveDate(),
                      command.source(), command.notes(), command.recordId(),
                      date -> new MemberReinstated(command.recordId(), id, command.party(), date, command.source(),
                                                   command.notes()));
    }

    @CommandHandler
    public String handle(AdmitObserver command, Clock clock) {
        return record(Kind.OBSERVE, LocalDate.now(clock), command.party(), command.effectiveDate(), command.source(),
                      command.notes(), command.recordId(),
                      date -> new ObserverAdmitted(command.recordId(), id, command.party(), date, command.source(),
                                                   command.notes()));
    }

    /** Guards an act of one party against every rule, then applies its event; answers the record id. */
    private String record(Kind kind, LocalDate today, String party, String effectiveDate, Source source, String notes,
                          String recordId, Function<PartialDate, PartyAct> event) {
        Checks.party("party", party);
        PartialDate date = Checks.effectiveDate("effectiveDate", effectiveDate, today);
        Checks.source(source, today);
        Checks.notes(notes);
        Checks.text("recordId", recordId, Checks.MAX_ID);
        notBeforeFormation(date);
        timelineOf(party).check(new Act<>(kind, date, recordId, Long.MAX_VALUE));
        apply(event.apply(date));
        return recordId;
    }

    /**
     * Corrects the effective date of one of this coalition's acts, checked on the corrected timeline; answers the
     * correction's record id. {@link RecordRouting} brings it here when the record is this coalition's.
     */
    @CommandHandler(commandName = CORRECT)
    String correct(CorrectRecord command, CoalitionDirectory directory, Clock clock) {
        command.checkInput(LocalDate.now(clock));
        PartialDate date = Checks.effectiveDate("effectiveDate", command.effectiveDate(), LocalDate.now(clock));
        if (records.isCorrectableCreation(command.recordId(), id)) {
            return correctFormation(command, date, directory);
        }
        String party = records.partyOf(command.recordId(), id);
        notBeforeFormation(date);
        PartialDate previous = parties.get(party).checkCorrection(command.recordId(), date);
        apply(new RecordCorrected(command.correctionId(), command.recordId(), id, null, party, date, previous,
                                  command.reason(), command.source()));
        return command.correctionId();
    }

    /**
     * Moves the formation to {@code date}, unless an act of the coalition (of one of its parties, or of one of its
     * agreements) would then fall before it: that act is named.
     */
    private String correctFormation(CorrectRecord command, PartialDate date, CoalitionDirectory directory) {
        if (formedOn.text().equals(date.text())) {
            throw Rejection.conflict("effectiveDate", "record '" + command.recordId() + "' is already dated " + date);
        }
        String action = "correcting the formation of " + id + " from " + formedOn + " to " + date;
        for (MembershipTimeline timeline : parties.values()) {
            for (Act<Kind> act : timeline.acts()) {
                if (act.date().latest().isBefore(date.earliest())) {
                    throw beforeFormation(action, "the " + act.kind().label() + " of " + timeline.who(), act.date(),
                                          act.recordId());
                }
            }
        }
        for (CoalitionDirectory.DatedAct act : directory.agreementActs(id)) {
            if (act.date().latest().isBefore(date.earliest())) {
                throw beforeFormation(action, "the " + act.description(), act.date(), act.recordId());
            }
        }
        apply(new RecordCorrected(command.correctionId(), command.recordId(), id, null, null, date, formedOn,
                                  command.reason(), command.source()));
        return command.correctionId();
    }

    private static Rejection beforeFormation(String action, String what, PartialDate date, String recordId) {
        return Rejection.conflict("effectiveDate", action + " would put " + what + " recorded for " + date
                + " (record " + recordId + ") before the formation");
    }

    /**
     * Retracts one of this coalition's acts, if the timeline stays valid without it; answers the retraction's
     * record id. {@link RecordRouting} brings it here when the record is this coalition's.
     */
    @CommandHandler(commandName = RETRACT)
    String retract(RetractRecord command, Clock clock) {
        command.checkInput(LocalDate.now(clock));
        String party = records.partyOf(command.recordId(), id);
        parties.get(party).checkRetraction(command.recordId());
        apply(new RecordRetracted(command.retractionId(), command.recordId(), id, null, party, command.reason(),
                                  command.source()));
        return command.retractionId();
    }


    private void notBeforeFormation(PartialDate date) {
        if (date.latest().isBefore(formedOn.earliest())) {
            throw Rejection.conflict("effectiveDate", "effectiveDate " + date + " is before " + id
                    + " was formed (" + formedOn + ")");
        }
    }

    /** When this coalition was formed, for the {@link CoalitionDirectory}. */
    public PartialDate formedOn() {
        return formedOn;
    }

    private MembershipTimeline timelineOf(String party) {
        return parties.computeIfAbsent(party, p -> new MembershipTimeline(id, p));
    }

    @EventSourcingHandler
    void on(CoalitionFormed event) {
        id = event.coalition();
        formedOn = event.effectiveDate();
        records.created(event.recordId());
    }

    @EventSourcingHandler
    void on(CoalitionJoined event) {
        remember(Kind.JOIN, event);
    }

    @EventSourcingHandler
    void on(IntentDeclared event) {
        remember(Kind.INTENT, event);
    }

    @EventSourcingHandler
    void on(LeadDesignated event) {
        remember(Kind.LEAD, event);
    }

    @EventSourcingHandler
    void on(CoalitionLeft event) {
        remember(Kind.LEAVE, event);
    }

    @EventSourcingHandler
    void on(MemberSuspended event) {
        remember(Kind.SUSPEND, event);
    }

    @EventSourcingHandler
    void on(MemberReinstated event) {
        remember(Kind.REINSTATE, event);
    }

    @EventSourcingHandler
    void on(ObserverAdmitted event) {
        remember(Kind.OBSERVE, event);
    }

    @EventSourcingHandler
    void on(RecordCorrected event) {
        if (event.party() == null) {
            // only the formation is corrected without a party
            formedOn = event.effectiveDate();
        } else {
            parties.get(event.party()).correct(event.correctedRecordId(), event.effectiveDate());
        }
    }

    @EventSourcingHandler
    void on(RecordRetracted event) {
        parties.get(event.party()).retract(event.retractedRecordId());
        records.retracted(event.retractedRecordId());
    }

    private void remember(Kind kind, PartyAct event) {
        timelineOf(event.party()).add(new Act<>(kind, event.effectiveDate(), event.recordId(), actCount++));
        records.recorded(event.recordId(), event.party());
    }
}
