package org.coalitionledger.agreement.web;

import org.coalitionledger.web.Requests;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.coalitionledger.agreement.query.AgreementSummary;
import org.coalitionledger.agreement.query.Commitment;
import org.coalitionledger.agreement.query.CommitmentsResponse;
import org.coalitionledger.agreement.query.FetchCommitmentsQuery;
import org.coalitionledger.agreement.query.FetchPartiesQuery;
import org.coalitionledger.agreement.query.PartiesResponse;
import org.coalitionledger.agreement.query.ReplayPartiesQuery;
import org.coalitionledger.agreement.query.FindAgreementsQuery;
import org.coalitionledger.agreement.query.FindCommitmentsEndingQuery;
import org.coalitionledger.agreement.query.ReplayCommitmentsQuery;
import org.coalitionledger.common.Rejection;
import org.coalitionledger.recording.Recorder;
import org.coalitionledger.recording.Recorder.Recorded;
import org.coalitionledger.web.Params;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Records agreements, signatures, consents, entry into force, notices of withdrawal and withdrawals, and answers who
 * is committed until when and where each state stands.
 */
@RestController
@Tag(name = "Agreements and commitments")
class AgreementController {

    private final Recorder recorder;
    private final Requests requests;
    private final QueryGateway queries;
    private final Clock clock;

    AgreementController(Recorder recorder, QueryGateway queries, Requests requests, Clock clock) {
        this.clock = clock;
        this.requests = requests;
        this.recorder = recorder;
        this.queries = queries;
    }

    @PostMapping("/api/agreements")
    @Operation(summary = "RegisterAgreement: record an agreement of a coalition with its commitment term")
    ResponseEntity<Recorded> register(@RequestBody RegisterAgreementRequest request, Principal principal) {
        Recorded recorded = recorder.record(requests.valid(request)::toCommand, Params.caller(principal));
        return ResponseEntity.created(URI.create("/api/agreements/" + request.agreement())).body(recorded);
    }

    @PostMapping("/api/agreements/{agreement}/signatures")
    @Operation(summary = "SignAgreement: record that a state signed")
    ResponseEntity<Recorded> sign(@PathVariable String agreement, @RequestBody SignatoryActRequest request,
                                  Principal principal) {
        SignatoryActRequest atPath = requests.valid(request.atAgreement(agreement));
        return ResponseEntity.status(201).body(recorder.record(atPath::toSignature, Params.caller(principal)));
    }

    @PostMapping("/api/agreements/{agreement}/withdrawals")
    @Operation(summary = "WithdrawFromAgreement: record that a state withdrew")
    ResponseEntity<Recorded> withdraw(@PathVariable String agreement, @RequestBody SignatoryActRequest request,
                                      Principal principal) {
        SignatoryActRequest atPath = requests.valid(request.atAgreement(agreement));
        return ResponseEntity.status(201).body(recorder.record(atPath::toWithdrawal, Params.caller(principal)));
    }

    @PostMapping("/api/agreements/{agreement}/consents")
    @Operation(summary = "ConsentToBeBound: record that a state consented to be bound (by ratification,"
            + " acceptance, approval or accession)")
    ResponseEntity<Recorded> consent(@PathVariable String agreement, @RequestBody ConsentRequest request,
                                     Principal principal) {
        ConsentRequest atPath = requests.valid(request.atAgreement(agreement));
        return ResponseEntity.status(201).body(recorder.record(atPath::toCommand, Params.caller(principal)));
    }

    @PostMapping("/api/agreements/{agreement}/entry-into-force")
    @Operation(summary = "RecordEntryIntoForce: record the agreement's general entry into force (refused when it is"
            + " derived from the consents)")
    ResponseEntity<Recorded> enterIntoForce(@PathVariable String agreement, @RequestBody EntryIntoForceRequest request,
                                            Principal principal) {
        EntryIntoForceRequest atPath = requests.valid(request.atAgreement(agreement));
        return ResponseEntity.status(201).body(recorder.record(atPath::toCommand, Params.caller(principal)));
    }

    @PostMapping("/api/agreements/{agreement}/withdrawal-notices")
    @Operation(summary = "NotifyWithdrawal: record that a state gave notice of withdrawal, taking effect after the"
            + " notice period or on takesEffect")
    ResponseEntity<Recorded> notifyWithdrawal(@PathVariable String agreement,
                                              @RequestBody WithdrawalNoticeRequest request, Principal principal) {
        WithdrawalNoticeRequest atPath = requests.valid(request.atAgreement(agreement));
        return ResponseEntity.status(201).body(recorder.record(atPath::toCommand, Params.caller(principal)));
    }

    @GetMapping("/api/agreements/{agreement}/parties")
    @Operation(summary = "The agreement's entry into force and each state's standing (signatory, consented, party,"
            + " withdrawal notified, withdrawn) on asOf as known at knownAt; mode=replay folds the events instead")
    PartiesResponse parties(@PathVariable String agreement, @RequestParam(required = false) String asOf,
                            @RequestParam(required = false) String knownAt,
                            @RequestParam(required = false) String mode) {
        LocalDate day = Params.asOf(asOf, clock);
        Instant known = Params.knownAt(knownAt, clock);
        Optional<PartiesResponse> answer = Params.replay(mode)
                ? queries.query(new ReplayPartiesQuery(agreement, day, known),
                                ResponseTypes.optionalInstanceOf(PartiesResponse.class)).join()
                : queries.query(new FetchPartiesQuery(agreement, day, known),
                                ResponseTypes.optionalInstanceOf(PartiesResponse.class)).join();
        return answer.orElseThrow(() -> Rejection.unknown("agreement", agreement));
    }

    /** The agreements known at {@code knownAt}, with their active signatories on {@code asOf}. */
    record AgreementsResponse(LocalDate asOf, Instant knownAt, List<AgreementSummary> agreements) {
    }

    @GetMapping("/api/agreements")
    @Operation(summary = "Every agreement (of one coalition if given), with the parties committed on asOf")
    AgreementsResponse agreements(@RequestParam(required = false) String coalition,
                                  @RequestParam(required = false) String asOf,
                                  @RequestParam(required = false) String knownAt) {
        LocalDate day = Params.asOf(asOf, clock);
        Instant known = Params.knownAt(knownAt, clock);
        return new AgreementsResponse(day, known, queries.query(
                new FindAgreementsQuery(coalition, day, known),
                ResponseTypes.multipleInstancesOf(AgreementSummary.class)).join());
    }

    @GetMapping("/api/agreements/{agreement}/commitments")
    @Operation(summary = "Every commitment under an agreement on asOf as known at knownAt, with status and end;"
            + " mode=replay answers by folding the events instead of reading the projection")
    CommitmentsResponse commitments(@PathVariable String agreement, @RequestParam(required = false) String asOf,
                                    @RequestParam(required = false) String knownAt,
                                    @RequestParam(required = false) String mode) {
        LocalDate day = Params.asOf(asOf, clock);
        Instant known = Params.knownAt(knownAt, clock);
        Optional<CommitmentsResponse> answer = Params.replay(mode)
                ? queries.query(new ReplayCommitmentsQuery(agreement, day, known),
                                ResponseTypes.optionalInstanceOf(CommitmentsResponse.class)).join()
                : queries.query(new FetchCommitmentsQuery(agreement, day, known),
                                ResponseTypes.optionalInstanceOf(CommitmentsResponse.class)).join();
        return answer.orElseThrow(() -> Rejection.unknown("agreement", agreement));
    }

    /** The commitments active on {@code asOf} that end within {@code endingWithin}, as known at knownAt. */
    record EndingResponse(LocalDate asOf, Instant knownAt, String endingWithin, List<Commitment> commitments) {
    }

    @GetMapping("/api/commitments")
    @Operation(summary = "Commitments active on asOf (default today) ending within a period, e.g. endingWithin=P90D")
    EndingResponse ending(@RequestParam String endingWithin, @RequestParam(required = false) String asOf,
                          @RequestParam(required = false) String knownAt) {
        LocalDate day = Params.asOf(asOf, clock);
        Instant known = Params.knownAt(knownAt, clock);
        return new EndingResponse(day, known, endingWithin, queries.query(
                new FindCommitmentsEndingQuery(Params.period("endingWithin", endingWithin), day, known),
                ResponseTypes.multipleInstancesOf(Commitment.class)).join());
    }
}
