package org.coalitionledger.replay;

import org.axonframework.queryhandling.QueryHandler;
import org.coalitionledger.agreement.event.AgreementRegistered;
import org.coalitionledger.agreement.event.AgreementAct;
import org.coalitionledger.agreement.event.AgreementSigned;
import org.coalitionledger.agreement.event.ConsentExpressed;
import org.coalitionledger.agreement.event.EntryIntoForceRecorded;
import org.coalitionledger.agreement.event.SignatoryAct;
import org.coalitionledger.agreement.event.WithdrawalNotified;
import org.coalitionledger.agreement.query.AgreementFold;
import org.coalitionledger.agreement.query.Commitment;
import org.coalitionledger.agreement.query.CommitmentFold;
import org.coalitionledger.agreement.query.CommitmentsResponse;
import org.coalitionledger.agreement.query.PartiesResponse;
import org.coalitionledger.agreement.query.ReplayCommitmentsQuery;
import org.coalitionledger.agreement.query.ReplayPartiesQuery;
import org.coalitionledger.coalition.event.CoalitionFormed;
import org.coalitionledger.coalition.event.PartyAct;
import org.coalitionledger.coalition.query.MembersOnDay;
import org.coalitionledger.coalition.query.MembersOnDay.PartyInterval;
import org.coalitionledger.coalition.query.MembersResponse;
import org.coalitionledger.coalition.query.MembershipFold;
import org.coalitionledger.coalition.query.ReplayMembersQuery;
import org.coalitionledger.common.ActKind;
import org.coalitionledger.common.PartialDate;
import org.coalitionledger.correction.event.RecordCorrected;
import org.coalitionledger.correction.event.RecordRetracted;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

/**
 * Answers as-of questions by folding the raw event stream of one coalition or agreement up to {@code knownAt},
 * without the projections: the reference the projections are checked against, and a second opinion for auditors
 * ({@code ?mode=replay}). It applies corrections and retractions exactly as recorded.
 */
@Service
public class ReplayService {

    private final StoredEvents events;

    ReplayService(StoredEvents events) {
        this.events = events;
    }

    /** Each party's acts, by record id in recording order, with corrections and retractions applied. */
    private static final class Timelines<A> {

        private final Map<String, Map<String, A>> byParty = new LinkedHashMap<>();
        private final Map<String, String> partyOf = new HashMap<>();

        void add(String party, String recordId, A act) {
            byParty.computeIfAbsent(party, p -> new LinkedHashMap<>()).put(recordId, act);
            partyOf.put(recordId, party);
        }

        void change(String recordId, UnaryOperator<A> change) {
            String party = partyOf.get(recordId);
            if (party != null) {
                byParty.get(party).computeIfPresent(recordId, (id, act) -> change.apply(act));
            }
        }

        void retract(String recordId) {
            String party = partyOf.get(recordId);
            if (party != null) {
                byParty.get(party).remove(recordId);
            }
        }

        void forEach(BiConsumer<String, List<A>> consumer) {
            byParty.forEach((party, acts) -> consumer.accept(party, List.copyOf(acts.values())));
        }

        List<A> all() {
            List<A> all = new ArrayList<>();
            byParty.values().forEach(acts -> all.addAll(acts.values()));
            return all;
        }
    }

    /** An agreement's registration and its acts as known at a moment, with corrections and retractions applied. */
    private record AgreementActs(AgreementRegistered registered, List<CommitmentFold.Act> acts) {

        AgreementFold.Rule rule() {
            return AgreementFold.Rule.of(registered.starts().name(), registered.commitmentTerm(),
                                         registered.entryIntoForce() == null
                                                 ? null : registered.entryIntoForce().afterConsents(),
                                         registered.entryIntoForce() == null
                                                 ? null : registered.entryIntoForce().delay(),
                                         registered.withdrawalNotice());
        }
    }

    @QueryHandler
    public Optional<MembersResponse> handle(ReplayMembersQuery query) {
        return members(query.coalition(), query.asOf(), query.knownAt());
    }

    @QueryHandler
    public Optional<CommitmentsResponse> handle(ReplayCommitmentsQuery query) {
        return commitments(query.agreement(), query.asOf(), query.knownAt());
    }

    @QueryHandler
    public Optional<PartiesResponse> handle(ReplayPartiesQuery query) {
        return parties(query.agreement(), query.asOf(), query.knownAt());
    }

    public Optional<MembersResponse> members(String coalition, LocalDate asOf, Instant knownAt) {
        Timelines<MembershipFold.Act> acts = new Timelines<>();
        boolean[] formed = {false};
        boolean[] foreign = {false};
        events.forEach(coalition, knownAt, event -> {
            Object payload = event.payload();
            if (foreign[0]) {
                return;
            }
            if (payload instanceof CoalitionFormed) {
                formed[0] = true;
            } else if (payload instanceof PartyAct act) {
                acts.add(act.party(), act.recordId(), new MembershipFold.Act(kindOf(act), act.effectiveDate(),
                                                                             act.recordId(), event.sequence()));
            } else if (payload instanceof RecordCorrected corrected) {
                acts.change(corrected.correctedRecordId(), act -> new MembershipFold.Act(
                        act.kind(), corrected.effectiveDate(), act.recordId(), act.order()));
            } else if (payload instanceof RecordRetracted retracted) {
                acts.retract(retracted.retractedRecordId());
            } else {
                // the id is an agreement's
                foreign[0] = true;
            }
        });
        if (foreign[0]) {
            return Optional.empty();
        }
        if (!formed[0]) {
            return Optional.empty();
        }
        List<PartyInterval> intervals = new ArrayList<>();
        acts.forEach((party, list) -> MembershipFold.fold(list)
                .forEach(interval -> intervals.add(new PartyInterval(party, interval))));
        return Optional.of(MembersOnDay.answer(coalition, asOf, knownAt, intervals));
    }

    public Optional<CommitmentsResponse> commitments(String agreement, LocalDate asOf, Instant knownAt) {
        return agreementActs(agreement, knownAt).map(known -> {
            AgreementRegistered registered = known.registered();
            AgreementFold.Rule rule = known.rule();
            String coalition = registered.coalition();
            List<Commitment> commitments = new ArrayList<>();
            AgreementFold.commitments(rule, known.acts()).forEach((party, periods) -> periods.stream()
                    .filter(period -> !period.start().start().isAfter(asOf))
                    .forEach(period -> commitments.add(Commitment.on(asOf, agreement, coalition, party, period,
                                                                     rule.term()))));
            commitments.sort(Comparator.comparing(Commitment::party)
                                     .thenComparing(commitment -> PartialDate.parse(commitment.start()).start()));
            return new CommitmentsResponse(agreement, coalition, registered.title(), registered.commitmentTerm(),
                                           asOf, knownAt, commitments);
        });
    }

    public Optional<PartiesResponse> parties(String agreement, LocalDate asOf, Instant knownAt) {
        return agreementActs(agreement, knownAt).map(known -> PartiesResponse.on(agreement, asOf, knownAt,
                                                                                 known.rule(), known.acts()));
    }

    private Optional<AgreementActs> agreementActs(String agreement, Instant knownAt) {
        Timelines<CommitmentFold.Act> acts = new Timelines<>();
        AgreementRegistered[] registration = {null};
        boolean[] foreign = {false};
        events.forEach(agreement, knownAt, event -> {
            Object payload = event.payload();
            if (foreign[0]) {
                return;
            }
            if (payload instanceof AgreementRegistered registered) {
                registration[0] = registered;
            } else if (payload instanceof AgreementAct act) {
                // the general entry into force is kept under a party code no state has
                acts.add(act instanceof SignatoryAct signatory ? signatory.party() : "*", act.recordId(),
                         foldAct(act, event.sequence()));
            } else if (payload instanceof RecordCorrected corrected) {
                acts.change(corrected.correctedRecordId(), act -> act.movedTo(corrected.effectiveDate()));
            } else if (payload instanceof RecordRetracted retracted) {
                acts.retract(retracted.retractedRecordId());
            } else {
                // the id is a coalition's
                foreign[0] = true;
            }
        });
        AgreementRegistered registered = foreign[0] ? null : registration[0];
        return registered == null ? Optional.empty() : Optional.of(new AgreementActs(registered, acts.all()));
    }

    private static CommitmentFold.Act foldAct(AgreementAct act, long sequence) {
        if (act instanceof EntryIntoForceRecorded entry) {
            return new CommitmentFold.Act(CommitmentFold.Kind.ENTRY, entry.effectiveDate(), entry.recordId(),
                                          sequence, null, null, null);
        }
        SignatoryAct signatory = (SignatoryAct) act;
        CommitmentFold.Kind kind = signatory instanceof AgreementSigned ? CommitmentFold.Kind.SIGN
                : signatory instanceof ConsentExpressed ? CommitmentFold.Kind.CONSENT
                : signatory instanceof WithdrawalNotified ? CommitmentFold.Kind.NOTICE
                : CommitmentFold.Kind.WITHDRAW;
        String means = signatory instanceof ConsentExpressed consent ? consent.means().name() : null;
        PartialDate takesEffect = signatory instanceof WithdrawalNotified notice ? notice.takesEffect() : null;
        return new CommitmentFold.Act(kind, signatory.effectiveDate(), signatory.recordId(), sequence,
                                      signatory.party(), means, takesEffect);
    }

    private static MembershipFold.Kind kindOf(PartyAct act) {
        return KINDS.get(act.kind());
    }

    /** The fold's kind of each act of a party. */
    private static final Map<ActKind, MembershipFold.Kind> KINDS = Map.of(
            ActKind.JoinCoalition, MembershipFold.Kind.JOIN, ActKind.DeclareIntent, MembershipFold.Kind.INTENT,
            ActKind.DesignateLead, MembershipFold.Kind.LEAD, ActKind.LeaveCoalition, MembershipFold.Kind.LEAVE,
            ActKind.SuspendMember, MembershipFold.Kind.SUSPEND, ActKind.ReinstateMember, MembershipFold.Kind.REINSTATE,
            ActKind.AdmitObserver, MembershipFold.Kind.OBSERVE);
}
