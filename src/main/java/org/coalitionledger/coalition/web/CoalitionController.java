package org.coalitionledger.coalition.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.coalitionledger.agreement.query.AgreementSummary;
import org.coalitionledger.agreement.query.FindAgreementsQuery;
import org.coalitionledger.coalition.query.CoalitionSummary;
import org.coalitionledger.coalition.query.FetchCoalitionQuery;
import org.coalitionledger.coalition.query.FetchMembersQuery;
import org.coalitionledger.coalition.query.FindCoalitionsQuery;
import org.coalitionledger.coalition.query.MembersResponse;
import org.coalitionledger.common.Rejection;
import org.coalitionledger.common.Text;
import org.coalitionledger.recording.ActRequests.FormCoalitionRequest;
import org.coalitionledger.recording.ActRequests.PartyActRequest;
import org.coalitionledger.recording.Recorder;
import org.coalitionledger.recording.Recorder.Recorded;
import org.coalitionledger.web.Params;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.BiFunction;

/** Records coalition acts and answers who is in a coalition. */
@RestController
@RequestMapping("/api/coalitions")
@Tag(name = "Coalitions")
class CoalitionController {

    private final Recorder recorder;
    private final QueryGateway queries;

    CoalitionController(Recorder recorder, QueryGateway queries) {
        this.recorder = recorder;
        this.queries = queries;
    }

    @PostMapping
    @Operation(summary = "FormCoalition: record that a coalition was formed")
    ResponseEntity<Recorded> form(@RequestBody FormCoalitionRequest request, Principal principal) {
        Recorded recorded = recorder.record(request::toCommand, Params.caller(principal));
        return ResponseEntity.created(URI.create("/api/coalitions/" + request.coalition())).body(recorded);
    }

    @PostMapping("/{coalition}/members")
    @Operation(summary = "JoinCoalition: record that a state joined")
    ResponseEntity<Recorded> join(@PathVariable String coalition, @RequestBody PartyActRequest request,
                                  Principal principal) {
        return record(coalition, request, PartyActRequest::toJoin, principal);
    }

    @PostMapping("/{coalition}/intents")
    @Operation(summary = "DeclareIntent: record that a state declared its intent to join")
    ResponseEntity<Recorded> declareIntent(@PathVariable String coalition, @RequestBody PartyActRequest request,
                                           Principal principal) {
        return record(coalition, request, PartyActRequest::toIntent, principal);
    }

    @PostMapping("/{coalition}/leads")
    @Operation(summary = "DesignateLead: record that a member was designated a lead")
    ResponseEntity<Recorded> designateLead(@PathVariable String coalition, @RequestBody PartyActRequest request,
                                           Principal principal) {
        return record(coalition, request, PartyActRequest::toLead, principal);
    }

    @PostMapping("/{coalition}/departures")
    @Operation(summary = "LeaveCoalition: record that a member left")
    ResponseEntity<Recorded> leave(@PathVariable String coalition, @RequestBody PartyActRequest request,
                                   Principal principal) {
        return record(coalition, request, PartyActRequest::toDeparture, principal);
    }

    @GetMapping
    @Operation(summary = "Coalitions formed by asOf (default today), with leads and member counts on that day")
    List<CoalitionSummary> coalitions(@RequestParam(required = false) String asOf) {
        return queries.query(new FindCoalitionsQuery(Params.asOf(asOf)),
                             ResponseTypes.multipleInstancesOf(CoalitionSummary.class)).join();
    }

    /** A coalition on a day: its summary, its members and intending parties, and its agreements. */
    record CoalitionDetails(CoalitionSummary coalition, MembersResponse membership,
                            List<AgreementSummary> agreements) {
    }

    @GetMapping("/{coalition}")
    @Operation(summary = "One coalition on asOf (default today): summary, membership and agreements")
    CoalitionDetails coalition(@PathVariable String coalition, @RequestParam(required = false) String asOf) {
        LocalDate day = Params.asOf(asOf);
        CoalitionSummary summary = queries.query(new FetchCoalitionQuery(coalition, day),
                                                 ResponseTypes.optionalInstanceOf(CoalitionSummary.class))
                .join().orElseThrow(() -> unknown(coalition));
        return new CoalitionDetails(summary, members(coalition, day),
                                    queries.query(new FindAgreementsQuery(coalition, day),
                                                  ResponseTypes.multipleInstancesOf(AgreementSummary.class)).join());
    }

    @GetMapping("/{coalition}/members")
    @Operation(summary = "Members (with role LEAD or MEMBER) and intending parties on asOf (default today)")
    MembersResponse members(@PathVariable String coalition, @RequestParam(required = false) String asOf) {
        return members(coalition, Params.asOf(asOf));
    }

    private MembersResponse members(String coalition, LocalDate asOf) {
        return queries.query(new FetchMembersQuery(coalition, asOf),
                             ResponseTypes.optionalInstanceOf(MembersResponse.class))
                .join().orElseThrow(() -> unknown(coalition));
    }

    private ResponseEntity<Recorded> record(String coalition, PartyActRequest request,
                                            BiFunction<PartyActRequest, String, Object> command,
                                            Principal principal) {
        PartyActRequest atPath = request.atCoalition(coalition);
        Recorded recorded = recorder.record(recordId -> command.apply(atPath, recordId), Params.caller(principal));
        return ResponseEntity.status(201).body(recorded);
    }

    private static Rejection unknown(String coalition) {
        return Rejection.notFound("coalition", "unknown coalition '" + Text.clip(coalition) + "'");
    }
}
