package org.coalitionledger.agreement.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.coalitionledger.agreement.command.CommitmentTimeline.Kind;
import org.coalitionledger.agreement.event.AgreementRegistered;
import org.coalitionledger.agreement.event.AgreementSigned;
import org.coalitionledger.agreement.event.AgreementWithdrawn;
import org.coalitionledger.agreement.event.CommitmentStarts;
import org.coalitionledger.agreement.event.ConsentExpressed;
import org.coalitionledger.agreement.event.ConsentMeans;
import org.coalitionledger.agreement.event.EntryIntoForceRecorded;
import org.coalitionledger.agreement.event.EntryIntoForceRule;
import org.coalitionledger.agreement.event.SignatoryAct;
import org.coalitionledger.agreement.event.WithdrawalNotified;
import org.coalitionledger.coalition.command.CoalitionDirectory;
import org.coalitionledger.common.ActKind;
import org.coalitionledger.common.Checks;
import org.coalitionledger.common.PartialDate;
import org.coalitionledger.common.RecordBook;
import org.coalitionledger.common.Rejection;
import org.coalitionledger.common.Source;
import org.coalitionledger.common.Text;
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
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An agreement of a coalition, with its commitment term, its rules for entry into force and withdrawal, its
 * general entry into force and each party's signatures, consents, notices and withdrawals.
 */
@Aggregate(cache = "agreementCache", commandTargetResolver = "actTargetResolver", lockFactory = "aggregateLocks")
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
    private CommitmentStarts starts;
    private EntryIntoForceRule entryRule;
    private Period noticePeriod;
    /** The record of the general entry into force, while one stands, and its date. */
    private String entryRecordId;
    private PartialDate entryDate;
    private final Map<String, CommitmentTimeline> parties = new HashMap<>();
    private final RecordBook records = new RecordBook(ActKind.RegisterAgreement);
    private long actCount;

    /** The book's party for the general entry into force, which concerns no single party. */
    private static final String GENERAL = "*";
    /** The most consents an entry-into-force rule may wait for. */
    static final int MAX_CONSENTS = 1_000;

    /** Axon needs a no-argument constructor to rebuild the aggregate from its events. */
    protected Agreement() {
    }

    @CommandHandler
    public Agreement(RegisterAgreement command, CoalitionDirectory directory, Clock clock) {
        Checks.slug("agreement", command.agreement());
        Checks.slug("coalition", command.coalition());
        Checks.text("title", command.title(), Checks.MAX_TITLE);
        if (command.commitmentTerm() != null) {
            Checks.term("commitmentTerm", command.commitmentTerm());
        }
        CommitmentStarts starts = startsOf(command.commitmentStarts());
        checkEntryRule(command.entryIntoForce());
        if (command.withdrawalNotice() != null) {
            Checks.term("withdrawalNotice", command.withdrawalNotice());
        }
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
                                      command.commitmentTerm(), effective, source, command.notes(),
                                      command.commitmentStarts() == null ? null : starts, command.entryIntoForce(),
                                      command.withdrawalNotice()));
    }

    static CommitmentStarts startsOf(String value) {
        if (value == null) {
            return CommitmentStarts.SIGNATURE;
        }
        return Arrays.stream(CommitmentStarts.values()).filter(starts -> starts.name().equals(value)).findFirst()
                .orElseThrow(() -> Rejection.invalid("commitmentStarts", "commitmentStarts '" + Text.clip(value)
                        + "' must be SIGNATURE or ENTRY_INTO_FORCE"));
    }

    static void checkEntryRule(EntryIntoForceRule rule) {
        if (rule == null) {
            return;
        }
        if (rule.afterConsents() != null && (rule.afterConsents() < 1 || rule.afterConsents() > MAX_CONSENTS)) {
            throw Rejection.invalid("entryIntoForce.afterConsents", "entryIntoForce.afterConsents must be a number"
                    + " of consents from 1 to " + MAX_CONSENTS);
        }
        if (rule.delay() != null) {
            Checks.term("entryIntoForce.delay", rule.delay());
        }
    }

    static ConsentMeans meansOf(String value) {
        if (value == null || value.isEmpty()) {
            throw Rejection.invalid("means", "means is required: RATIFICATION, ACCEPTANCE, APPROVAL or ACCESSION");
        }
        return Arrays.stream(ConsentMeans.values()).filter(means -> means.name().equals(value)).findFirst()
                .orElseThrow(() -> Rejection.invalid("means", "means '" + Text.clip(value)
                        + "' must be RATIFICATION, ACCEPTANCE, APPROVAL or ACCESSION"));
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

    @CommandHandler
    public String handle(ConsentToBeBound command, CoalitionDirectory directory, Clock clock) {
        ConsentMeans means = meansOf(command.means());
        Kind kind = means.needsSignature() ? Kind.CONSENT : Kind.ACCEDE;
        return record(kind, LocalDate.now(clock), command.party(), command.effectiveDate(), command.source(),
                      command.notes(), command.recordId(), directory,
                      date -> new ConsentExpressed(command.recordId(), id, coalition, command.party(), date, means,
                                                   command.source(), command.notes()));
    }

    @CommandHandler
    public String handle(NotifyWithdrawal command, CoalitionDirectory directory, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        Checks.party("party", command.party());
        PartialDate date = Checks.effectiveDate("effectiveDate", command.effectiveDate(), today);
        CommitmentTimeline.needsTakesEffect(noticePeriod, command.takesEffect(), id);
        PartialDate takesEffect = command.takesEffect() == null || command.takesEffect().isBlank()
                ? null : Checks.date("takesEffect", command.takesEffect());
        Checks.source(command.source(), today);
        Checks.notes(command.notes());
        Checks.text("recordId", command.recordId(), Checks.MAX_ID);
        directory.formedOn(coalition).ifPresent(formedOn -> notBeforeFormation(date, formedOn, coalition));
        timelineOf(command.party()).checkNotice(new Act<>(Kind.NOTICE, date, command.recordId(), Long.MAX_VALUE),
                                                takesEffect);
        apply(new WithdrawalNotified(command.recordId(), id, coalition, command.party(), date, takesEffect,
                                     command.source(), command.notes()));
        return command.recordId();
    }

    @CommandHandler
    public String handle(RecordEntryIntoForce command, CoalitionDirectory directory, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        PartialDate date = Checks.effectiveDate("effectiveDate", command.effectiveDate(), today);
        Checks.source(command.source(), today);
        Checks.notes(command.notes());
        Checks.text("recordId", command.recordId(), Checks.MAX_ID);
        if (entryRule != null && entryRule.afterConsents() != null) {
            throw Rejection.conflict("entryIntoForce", id + " enters into force after its "
                    + entryRule.afterConsents() + (entryRule.afterConsents() == 1 ? "st" : "th")
                    + " consent (entryIntoForce.afterConsents): its date is derived, not recorded");
        }
        if (entryRecordId != null) {
            throw Rejection.conflict("effectiveDate", id + " entered into force on " + entryDate + " (record "
                    + entryRecordId + "); correct that record to change the date");
        }
        directory.formedOn(coalition).ifPresent(formedOn -> notBeforeFormation(date, formedOn, coalition));
        apply(new EntryIntoForceRecorded(command.recordId(), id, coalition, date, command.source(),
                                         command.notes()));
        return command.recordId();
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
        if (GENERAL.equals(party)) {
            if (entryDate.text().equals(date.text())) {
                throw Rejection.conflict("effectiveDate", "record '" + command.recordId() + "' is already dated "
                        + date);
            }
            apply(new RecordCorrected(command.correctionId(), command.recordId(), coalition, id, null, date,
                                      entryDate, command.reason(), command.source()));
            return command.correctionId();
        }
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
        if (GENERAL.equals(party)) {
            apply(new RecordRetracted(command.retractionId(), command.recordId(), coalition, id, null,
                                      command.reason(), command.source()));
            return command.retractionId();
        }
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
        if (entryRecordId != null) {
            acts.add(new CoalitionDirectory.DatedAct(entryRecordId, "entry into force of " + id, entryDate));
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
        return parties.computeIfAbsent(party, p -> new CommitmentTimeline(id, p, term,
                                                                          starts == CommitmentStarts.SIGNATURE,
                                                                          noticePeriod));
    }

    @EventSourcingHandler
    void on(AgreementRegistered event) {
        id = event.agreement();
        coalition = event.coalition();
        term = event.commitmentTerm() == null ? null : Period.parse(event.commitmentTerm());
        registeredOn = event.effectiveDate();
        registrationRecordId = event.recordId();
        starts = event.starts();
        entryRule = event.entryIntoForce();
        noticePeriod = event.withdrawalNotice() == null ? null : Period.parse(event.withdrawalNotice());
        records.created(event.recordId());
    }

    @EventSourcingHandler
    void on(ConsentExpressed event) {
        remember(event.means().needsSignature() ? Kind.CONSENT : Kind.ACCEDE, event);
    }

    @EventSourcingHandler
    void on(WithdrawalNotified event) {
        timelineOf(event.party()).noticeTakesEffect(event.recordId(), event.takesEffect());
        remember(Kind.NOTICE, event);
    }

    @EventSourcingHandler
    void on(EntryIntoForceRecorded event) {
        entryRecordId = event.recordId();
        entryDate = event.effectiveDate();
        actCount++;
        records.recorded(event.recordId(), GENERAL);
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
        if (event.party() == null) {
            entryDate = event.effectiveDate();
        } else {
            parties.get(event.party()).correct(event.correctedRecordId(), event.effectiveDate());
        }
    }

    @EventSourcingHandler
    void on(RecordRetracted event) {
        if (event.party() == null) {
            entryRecordId = null;
            entryDate = null;
        } else {
            parties.get(event.party()).retract(event.retractedRecordId());
        }
        records.retracted(event.retractedRecordId());
    }

    private void remember(Kind kind, SignatoryAct event) {
        timelineOf(event.party()).add(new Act<>(kind, event.effectiveDate(), event.recordId(), actCount++));
        records.recorded(event.recordId(), event.party());
    }
}
