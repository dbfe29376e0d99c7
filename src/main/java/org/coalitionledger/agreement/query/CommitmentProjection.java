package org.coalitionledger.agreement.query;

import jakarta.persistence.EntityManager;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.coalitionledger.agreement.event.AgreementRegistered;
import org.coalitionledger.agreement.event.AgreementSigned;
import org.coalitionledger.agreement.event.AgreementWithdrawn;
import org.coalitionledger.agreement.event.ConsentExpressed;
import org.coalitionledger.agreement.event.SignatoryAct;
import org.coalitionledger.agreement.event.EntryIntoForceRecorded;
import org.coalitionledger.agreement.event.WithdrawalNotified;
import org.coalitionledger.agreement.query.CommitmentFold.Act;
import org.coalitionledger.agreement.query.CommitmentFold.Kind;
import org.coalitionledger.agreement.query.CommitmentFold.CommitmentPeriod;
import org.coalitionledger.agreement.query.CommitmentRepositories.AgreementActs;
import org.coalitionledger.agreement.query.CommitmentRepositories.AgreementViews;
import org.coalitionledger.agreement.query.CommitmentRepositories.Commitments;
import org.coalitionledger.support.RecordTime;
import org.coalitionledger.correction.event.RecordCorrected;
import org.coalitionledger.correction.event.RecordRetracted;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Commitment periods under every agreement on both clocks: per agreement and per party, with start, end and status
 * on any day as known at any moment, and the commitments ending soon; and each agreement's acts on both clocks, for
 * its parties' standing on any day as known at any moment. Corrections move a commitment's start and end in every
 * answer known after them; when commitments start on the entry into force, a change to any party's act folds the
 * whole agreement again, since the date of entry into force may move for every party.
 */
@Component
@ProcessingGroup(CommitmentProjection.GROUP)
public class CommitmentProjection {

    public static final String GROUP = "commitments";

    private final AgreementViews agreements;
    private final AgreementActs acts;
    private final Commitments commitments;
    private final EntityManager entityManager;

    CommitmentProjection(AgreementViews agreements, AgreementActs acts, Commitments commitments,
                         EntityManager entityManager) {
        this.agreements = agreements;
        this.acts = acts;
        this.commitments = commitments;
        this.entityManager = entityManager;
    }

    @EventHandler
    void on(AgreementRegistered event, @Timestamp Instant recordedAt) {
        agreements.save(new AgreementView(event, RecordTime.of(recordedAt)));
    }

    @EventHandler
    void on(AgreementSigned event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        record(Kind.SIGN, event, sequence, recordedAt);
    }

    @EventHandler
    void on(AgreementWithdrawn event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        record(Kind.WITHDRAW, event, sequence, recordedAt);
    }

    @EventHandler
    void on(ConsentExpressed event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        record(event.agreement(), event.coalition(), new Act(Kind.CONSENT, event.effectiveDate(), event.recordId(),
                                                             sequence, event.party(), event.means().name(), null),
               recordedAt);
    }

    @EventHandler
    void on(WithdrawalNotified event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        record(event.agreement(), event.coalition(), new Act(Kind.NOTICE, event.effectiveDate(), event.recordId(),
                                                             sequence, event.party(), null, event.takesEffect()),
               recordedAt);
    }

    @EventHandler
    void on(EntryIntoForceRecorded event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        record(event.agreement(), event.coalition(), new Act(Kind.ENTRY, event.effectiveDate(), event.recordId(),
                                                             sequence, null, null, null),
               recordedAt);
    }

    @EventHandler
    void on(RecordCorrected event, @Timestamp Instant recordedAt) {
        if (event.agreement() != null) {
            Instant at = RecordTime.of(recordedAt);
            for (AgreementActRow row : acts.currentOfRecord(event.correctedRecordId(), RecordTime.OPEN)) {
                row.close(at);
                acts.save(row);
                acts.save(new AgreementActRow(event.agreement(), row.toAct().movedTo(event.effectiveDate()), at));
            }
            refresh(event.agreement(), event.coalition(), event.party(), at);
        }
    }

    @EventHandler
    void on(RecordRetracted event, @Timestamp Instant recordedAt) {
        if (event.agreement() != null) {
            Instant at = RecordTime.of(recordedAt);
            for (AgreementActRow row : acts.currentOfRecord(event.retractedRecordId(), RecordTime.OPEN)) {
                row.close(at);
                acts.save(row);
            }
            refresh(event.agreement(), event.coalition(), event.party(), at);
        }
    }

    @ResetHandler
    void reset() {
        commitments.deleteAllInBatch();
        acts.deleteAllInBatch();
        agreements.deleteAllInBatch();
    }

    private void record(Kind kind, SignatoryAct event, long sequence, Instant recordedAt) {
        record(event.agreement(), event.coalition(), new Act(kind, event.effectiveDate(), event.recordId(), sequence,
                                                             event.party(), null, null), recordedAt);
    }

    private void record(String agreement, String coalition, Act act, Instant recordedAt) {
        Instant at = RecordTime.of(recordedAt);
        acts.save(new AgreementActRow(agreement, act, at));
        refresh(agreement, coalition, act.party(), at);
    }

    /**
     * Folds the acts again and moves the current view to the new periods: the party's acts when commitments start
     * on the signature (the general entry into force, of no party, then changes none), else the whole agreement's.
     */
    private void refresh(String agreementId, String coalition, String party, Instant recordedAt) {
        AgreementView agreement = agreements.findById(agreementId).orElseThrow(
                () -> new IllegalStateException("agreement " + agreementId + " was never registered"));
        AgreementFold.Rule rule = agreement.rule();
        if (!rule.fromEntryIntoForce()) {
            if (party != null) {
                List<Act> folded = acts.current(agreementId, party, RecordTime.OPEN).stream()
                        .map(AgreementActRow::toAct).toList();
                move(agreementId, coalition, party, AgreementFold.commitments(rule, folded).getOrDefault(party,
                        List.of()), commitments.current(agreementId, party), recordedAt);
            }
        } else {
            Map<String, List<CommitmentPeriod>> folded = AgreementFold.commitments(
                    rule, acts.current(agreementId).stream().map(AgreementActRow::toAct).toList());
            Map<String, List<CommitmentRow>> held = new HashMap<>();
            commitments.currentOfAgreement(agreementId, RecordTime.OPEN)
                    .forEach(row -> held.computeIfAbsent(row.party(), p -> new java.util.ArrayList<>()).add(row));
            Set<String> parties = new TreeSet<>(folded.keySet());
            parties.addAll(held.keySet());
            for (String each : parties) {
                move(agreementId, coalition, each, folded.getOrDefault(each, List.of()),
                     held.getOrDefault(each, List.of()), recordedAt);
            }
        }
        // keep the persistence context small across a batch of events, which the processor handles in one transaction
        entityManager.flush();
        entityManager.clear();
    }

    private void move(String agreementId, String coalition, String party, List<CommitmentPeriod> folded,
                      List<CommitmentRow> held, Instant recordedAt) {
        Set<CommitmentPeriod> wanted = new HashSet<>(folded);
        for (CommitmentRow row : held) {
            if (!wanted.remove(row.toPeriod())) {
                row.supersede(recordedAt);
                commitments.save(row);
            }
        }
        wanted.forEach(period -> commitments.save(new CommitmentRow(agreementId, coalition, party, period,
                                                                    recordedAt)));
    }

    @QueryHandler
    public Optional<PartiesResponse> handle(FetchPartiesQuery query) {
        return agreements.findById(query.agreement())
                .filter(agreement -> agreement.knownAt(query.knownAt()))
                .map(agreement -> PartiesResponse.on(
                        agreement.id(), query.asOf(), query.knownAt(), agreement.rule(),
                        acts.knownAt(agreement.id(), query.knownAt()).stream().map(AgreementActRow::toAct)
                                .toList()));
    }

    @QueryHandler
    public Optional<CommitmentsResponse> handle(FetchCommitmentsQuery query) {
        return agreements.findById(query.agreement())
                .filter(agreement -> agreement.knownAt(query.knownAt()))
                .map(agreement -> new CommitmentsResponse(
                        agreement.id(), agreement.coalitionId(), agreement.title(), agreement.commitmentTerm(),
                        query.asOf(), query.knownAt(),
                        commitments.startedBy(agreement.id(), query.asOf(), query.knownAt()).stream()
                                .map(row -> commitment(row, agreement, query.asOf())).toList()));
    }

    @QueryHandler
    public List<Commitment> handle(FindCommitmentsEndingQuery query) {
        LocalDate until = query.asOf().plus(query.within());
        Map<String, AgreementView> views = new HashMap<>();
        return commitments.activeEndingBetween(query.asOf(), until, query.knownAt()).stream()
                .map(row -> commitment(row, views.computeIfAbsent(row.agreementId(), this::agreement),
                                       query.asOf()))
                .toList();
    }

    @QueryHandler
    public List<Commitment> handle(FindCommitmentsOfPartyQuery query) {
        Map<String, AgreementView> views = new HashMap<>();
        return commitments.ofPartyStartedBy(query.party(), query.asOf(), query.knownAt()).stream()
                .map(row -> commitment(row, views.computeIfAbsent(row.agreementId(), this::agreement),
                                       query.asOf()))
                .toList();
    }

    @QueryHandler
    public List<AgreementSummary> handle(FindAgreementsQuery query) {
        List<AgreementView> views = query.coalition() == null
                ? agreements.findByKnownFromLessThanEqualOrderById(query.knownAt())
                : agreements.findByCoalitionIdAndKnownFromLessThanEqualOrderById(query.coalition(), query.knownAt());
        return views.stream().map(view -> new AgreementSummary(
                view.id(), view.coalitionId(), view.title(), view.commitmentTerm(),
                view.effectiveDate() == null ? null : view.effectiveDate().text(),
                view.effectiveDate() == null ? null : view.effectiveDate().precision(),
                commitments.startedBy(view.id(), query.asOf(), query.knownAt()).stream()
                        .map(row -> commitment(row, view, query.asOf()))
                        .filter(commitment -> commitment.status() == Status.ACTIVE)
                        .map(Commitment::party).distinct().toList())).toList();
    }

    @QueryHandler
    public List<AgreementSummary> handle(FindAgreementsOfCoalitionsQuery query) {
        if (query.coalitions().isEmpty()) {
            return List.of();
        }
        List<AgreementView> views = agreements.findByCoalitionIdInAndKnownFromLessThanEqualOrderById(
                query.coalitions(), query.knownAt());
        if (views.isEmpty()) {
            return List.of();
        }
        Map<String, List<CommitmentRow>> rows = new HashMap<>();
        commitments.startedByAny(views.stream().map(AgreementView::id).toList(), query.asOf(), query.knownAt())
                .forEach(row -> rows.computeIfAbsent(row.agreementId(), id -> new ArrayList<>()).add(row));
        return views.stream().map(view -> new AgreementSummary(
                view.id(), view.coalitionId(), view.title(), view.commitmentTerm(),
                view.effectiveDate() == null ? null : view.effectiveDate().text(),
                view.effectiveDate() == null ? null : view.effectiveDate().precision(),
                rows.getOrDefault(view.id(), List.of()).stream()
                        .map(row -> commitment(row, view, query.asOf()))
                        .filter(commitment -> commitment.status() == Status.ACTIVE)
                        .map(Commitment::party).distinct().toList())).toList();
    }

    private AgreementView agreement(String id) {
        return agreements.findById(id).orElseThrow(() -> new IllegalStateException("no agreement " + id));
    }

    private static Commitment commitment(CommitmentRow row, AgreementView agreement, LocalDate asOf) {
        return Commitment.on(asOf, row.agreementId(), row.coalitionId(), row.party(), row.toPeriod(),
                             agreement.term());
    }
}
