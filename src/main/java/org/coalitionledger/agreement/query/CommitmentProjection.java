package org.coalitionledger.agreement.query;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.coalitionledger.agreement.event.AgreementRegistered;
import org.coalitionledger.agreement.event.AgreementSigned;
import org.coalitionledger.agreement.event.AgreementWithdrawn;
import org.coalitionledger.agreement.event.SignatoryAct;
import org.coalitionledger.agreement.query.CommitmentFold.Kind;
import org.coalitionledger.agreement.query.CommitmentFold.Period;
import org.coalitionledger.agreement.query.CommitmentRepositories.AgreementViews;
import org.coalitionledger.agreement.query.CommitmentRepositories.CommitmentActs;
import org.coalitionledger.agreement.query.CommitmentRepositories.Commitments;
import org.coalitionledger.common.Parties;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Commitment periods under every agreement: per agreement and per party, with start, end and status on any day,
 * and the commitments ending soon. Like the membership projection it keeps both clocks.
 */
@Component
@ProcessingGroup(CommitmentProjection.GROUP)
public class CommitmentProjection {

    public static final String GROUP = "commitments";

    private final AgreementViews agreements;
    private final CommitmentActs acts;
    private final Commitments commitments;

    CommitmentProjection(AgreementViews agreements, CommitmentActs acts, Commitments commitments) {
        this.agreements = agreements;
        this.acts = acts;
        this.commitments = commitments;
    }

    @EventHandler
    void on(AgreementRegistered event) {
        agreements.save(new AgreementView(event));
    }

    @EventHandler
    void on(AgreementSigned event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        record(Kind.SIGN, event, sequence, recordedAt);
    }

    @EventHandler
    void on(AgreementWithdrawn event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        record(Kind.WITHDRAW, event, sequence, recordedAt);
    }

    @ResetHandler
    void reset() {
        commitments.deleteAllInBatch();
        acts.deleteAllInBatch();
        agreements.deleteAllInBatch();
    }

    private void record(Kind kind, SignatoryAct event, long sequence, Instant recordedAt) {
        acts.save(new CommitmentActRow(event.recordId(), event.agreement(), event.party(), kind,
                                       event.effectiveDate(), sequence));
        AgreementView agreement = agreements.findById(event.agreement()).orElseThrow(
                () -> new IllegalStateException("agreement " + event.agreement() + " was never registered"));
        List<Period> folded = CommitmentFold.fold(
                acts.findByAgreementIdAndParty(event.agreement(), event.party()).stream()
                        .map(CommitmentActRow::toAct).toList(),
                agreement.term());
        Set<Period> wanted = new HashSet<>(folded);
        for (CommitmentRow row : commitments.current(event.agreement(), event.party())) {
            if (!wanted.remove(row.toPeriod())) {
                row.supersede(recordedAt);
            }
        }
        wanted.forEach(period -> commitments.save(
                new CommitmentRow(event.agreement(), event.coalition(), event.party(), period, recordedAt)));
    }

    @QueryHandler
    public Optional<CommitmentsResponse> handle(FetchCommitmentsQuery query) {
        return agreements.findById(query.agreement()).map(agreement -> new CommitmentsResponse(
                agreement.id(), agreement.coalitionId(), agreement.title(), agreement.commitmentTerm(), query.asOf(),
                commitments.startedBy(agreement.id(), query.asOf()).stream()
                        .map(row -> commitment(row, query.asOf())).toList()));
    }

    @QueryHandler
    public List<Commitment> handle(FindCommitmentsEndingQuery query) {
        LocalDate until = query.asOf().plus(query.within());
        return commitments.activeEndingBetween(query.asOf(), until).stream()
                .map(row -> commitment(row, query.asOf())).toList();
    }

    @QueryHandler
    public List<AgreementSummary> handle(FindAgreementsQuery query) {
        List<AgreementView> views = query.coalition() == null
                ? agreements.findAll().stream().sorted((a, b) -> a.id().compareTo(b.id())).toList()
                : agreements.findByCoalitionIdOrderById(query.coalition());
        return views.stream().map(view -> new AgreementSummary(
                view.id(), view.coalitionId(), view.title(), view.commitmentTerm(),
                view.effectiveDate() == null ? null : view.effectiveDate().text(),
                view.effectiveDate() == null ? null : view.effectiveDate().precision(),
                commitments.startedBy(view.id(), query.asOf()).stream()
                        .map(row -> commitment(row, query.asOf()))
                        .filter(commitment -> commitment.status() == Status.ACTIVE)
                        .map(Commitment::party).distinct().toList())).toList();
    }

    /** The commitment as it stood on {@code asOf}: a withdrawal dated later had not happened yet. */
    static Commitment commitment(CommitmentRow row, LocalDate asOf) {
        Period period = row.toPeriod();
        boolean withdrawn = period.withdrawnOn() != null && !period.withdrawnOn().start().isAfter(asOf);
        LocalDate end = withdrawn ? period.withdrawnOn().start() : period.scheduledEnd();
        Status status = withdrawn ? Status.WITHDRAWN : end.isAfter(asOf) ? Status.ACTIVE : Status.EXPIRED;
        long daysRemaining = status == Status.ACTIVE ? ChronoUnit.DAYS.between(asOf, end) : 0;
        return new Commitment(row.agreementId(), row.party(), Parties.nameOf(row.party()), period.start().text(),
                              period.start().precision(), end, status, daysRemaining, period.signRecordId(),
                              withdrawn ? period.withdrawRecordId() : null);
    }
}
