package org.coalitionledger.agreement.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.coalitionledger.agreement.command.CommitmentTimeline.Kind;
import org.coalitionledger.agreement.event.AgreementRegistered;
import org.coalitionledger.agreement.event.AgreementSigned;
import org.coalitionledger.agreement.event.AgreementWithdrawn;
import org.coalitionledger.agreement.event.SignatoryAct;
import org.coalitionledger.coalition.command.CoalitionDirectory;
import org.coalitionledger.common.ActKind;
import org.coalitionledger.common.Checks;
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
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An agreement of a coalition, with its commitment term and each party's signatures and withdrawals.
 */
@Aggregate(cache = "agreementCache", commandTargetResolver = "actTargetResolver")
public class Agreement {

    /** The names this aggregate handles corrections and retractions under ({@link RecordRouting}). */
    static final String CORRECT = "CorrectRecord@Agreement";
    static final String RETRACT = "RetractRecord@Agreement";

    @AggregateIdentifier
    private String id;
    private String coalition;
    private Period term;
    private PartialDate registeredOn;
    private String registrationRecordId;
    private final Map<String, CommitmentTimeline> parties = new HashMap<>();
    private final RecordBook records = new RecordBook(ActKind.RegisterAgreement);
    private long actCount;

    /** Axon needs a no-argument constructor to rebuild the aggregate from its events. */
    protected Agreement() {
    }

    @CommandHandler
    public Agreement(RegisterAgreement command, CoalitionDirectory directory, Clock clock) {
        Checks.slug("agreement", command.agreement());
        Checks.slug("coalition", command.coalition());
        Checks.text("title", command.title(), Checks.MAX_TITLE);
        Checks.term("commitmentTerm", command.commitmentTerm());
        PartialDate effective = command.effectiveDate() == null
                ? null : Checks.effectiveDate("effectiveDate", command.effectiveDate(), LocalDate.now(clock));
        Source source = Checks.source(command.source(), LocalDate.now(clock));
        Checks.notes(command.notes());
        Checks.text("recordId", command.recordId(), Checks.MAX_ID);
        PartialDate formedOn = directory.formedOn(command.coalition()).orElseThrow(
                () -> Rejection.notFound("coalition", "unknown coalition '" + command.coalition() + "'"));
        if (effective != null) {
            notBeforeFormation(effective, formedOn, command.coalition());
        }
        if (directory.isTaken(command.agreement())) {
            throw Rejection.conflict("agreement", "the id '" + command.agreement()
                    + "' is already used by a coalition or an agreement");
        }
        apply(new AgreementRegistered(command.recordId(), command.agreement(), command.coalition(), command.title(),
                                      command.commitmentTerm(), effective, source, command.notes()));
    }

    @CommandHandler
    public String handle(SignAgreement command, CoalitionDirectory directory, Clock clock) {
        return record(Kind.SIGN, LocalDate.now(clock), command.party(), command.effectiveDate(), command.source(),
                      command.notes(), command.recordId(), directory,
                      date -> new AgreementSigned(command.recordId(), id, coalition, command.party(), date,
                                                  command.source(), command.notes()));
    }

    @CommandHandler
    public String handle(WithdrawFromAgreement command, CoalitionDirectory directory, Clock clock) {
        return record(Kind.WITHDRAW, LocalDate.now(clock), command.party(), command.effectiveDate(), command.source(),
                      command.notes(), command.recordId(), directory,
                      date -> new AgreementWithdrawn(command.recordId(), id, coalition, command.party(), date,
                                                     command.source(), command.notes()));
    }

    private String record(Kind kind, LocalDate today, String party, String effectiveDate, Source source, String notes,
                          String recordId, CoalitionDirectory directory, Function<PartialDate, SignatoryAct> event) {
        Checks.party("party", party);
        PartialDate date = Checks.effectiveDate("effectiveDate", effectiveDate, today);
        Checks.source(source, today);
        Checks.notes(notes);
        Checks.text("recordId", recordId, Checks.MAX_ID);
        directory.formedOn(coalition).ifPresent(formedOn -> notBeforeFormation(date, formedOn, coalition));
        timelineOf(party).check(new Act<>(kind, date, recordId, Long.MAX_VALUE));
        apply(event.apply(date));
        return recordId;
    }

    /**
     * Corrects the effective date of a signature or withdrawal, checked on the corrected timeline; answers the
     * correction's record id. {@link RecordRouting} brings it here when the record is this agreement's.
     */
    @CommandHandler(commandName = CORRECT)
    String correct(CorrectRecord command, CoalitionDirectory directory, Clock clock) {
        command.checkInput(LocalDate.now(clock));
        PartialDate date = Checks.effectiveDate("effectiveDate", command.effectiveDate(), LocalDate.now(clock));
        String party = records.partyOf(command.recordId(), id);
        directory.formedOn(coalition).ifPresent(formedOn -> notBeforeFormation(date, formedOn, coalition));
        PartialDate previous = parties.get(party).checkCorrection(command.recordId(), date);
        apply(new RecordCorrected(command.correctionId(), command.recordId(), coalition, id, party, date, previous,
                                  command.reason(), command.source()));
        return command.correctionId();
    }

    /**
     * Retracts a signature or withdrawal, if the timeline stays valid without it; answers the retraction's record
     * id. {@link RecordRouting} brings it here when the record is this agreement's.
     */
    @CommandHandler(commandName = RETRACT)
    String retract(RetractRecord command, Clock clock) {
        command.checkInput(LocalDate.now(clock));
        String party = records.partyOf(command.recordId(), id);
        parties.get(party).checkRetraction(command.recordId());
        apply(new RecordRetracted(command.retractionId(), command.recordId(), coalition, id, party,
                                  command.reason(), command.source()));
        return command.retractionId();
    }


    private static void notBeforeFormation(PartialDate date, PartialDate formedOn, String coalition) {
        if (date.latest().isBefore(formedOn.earliest())) {
            throw Rejection.conflict("effectiveDate", "effectiveDate " + date + " is before " + coalition
                    + " was formed (" + formedOn + ")");
        }
    }

    /** The coalition this agreement belongs to, for the {@link CoalitionDirectory}. */
    public String coalition() {
        return coalition;
    }

    /**
     * Every dated act of this agreement (its registration when dated, the acts of its parties), for the
     * {@link CoalitionDirectory}: a coalition's formation may not be moved after any of them.
     */
    public List<CoalitionDirectory.DatedAct> datedActs() {
        List<CoalitionDirectory.DatedAct> acts = new ArrayList<>();
        if (registeredOn != null) {
            acts.add(new CoalitionDirectory.DatedAct(registrationRecordId, "registration of " + id, registeredOn));
        }
        for (CommitmentTimeline timeline : parties.values()) {
            for (Act<Kind> act : timeline.acts()) {
                acts.add(new CoalitionDirectory.DatedAct(act.recordId(), act.kind().label() + " of "
                        + timeline.who() + " under " + id, act.date()));
            }
        }
        return acts;
    }

    private CommitmentTimeline timelineOf(String party) {
        return parties.computeIfAbsent(party, p -> new CommitmentTimeline(id, p, term));
    }

    @EventSourcingHandler
    void on(AgreementRegistered event) {
        id = event.agreement();
        coalition = event.coalition();
        term = Period.parse(event.commitmentTerm());
        registeredOn = event.effectiveDate();
        registrationRecordId = event.recordId();
        records.created(event.recordId());
    }

    @EventSourcingHandler
    void on(AgreementSigned event) {
        remember(Kind.SIGN, event);
    }

    @EventSourcingHandler
    void on(AgreementWithdrawn event) {
        remember(Kind.WITHDRAW, event);
    }

    @EventSourcingHandler
    void on(RecordCorrected event) {
        parties.get(event.party()).correct(event.correctedRecordId(), event.effectiveDate());
    }

    @EventSourcingHandler
    void on(RecordRetracted event) {
        parties.get(event.party()).retract(event.retractedRecordId());
        records.retracted(event.retractedRecordId());
    }

    private void remember(Kind kind, SignatoryAct event) {
        timelineOf(event.party()).add(new Act<>(kind, event.effectiveDate(), event.recordId(), actCount++));
        records.recorded(event.recordId(), event.party());
    }
}
