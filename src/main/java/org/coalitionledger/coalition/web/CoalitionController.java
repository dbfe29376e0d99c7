package org.coalitionledger.coalition.web;

import org.coalitionledger.web.Requests;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.coalitionledger.coalition.query.CoalitionPage;
import org.coalitionledger.coalition.query.CoalitionSummary;
import org.coalitionledger.coalition.query.FetchMembersQuery;
import org.coalitionledger.coalition.query.FetchTimelineQuery;
import org.coalitionledger.coalition.query.FindCoalitionPageQuery;
import org.coalitionledger.coalition.query.MembersResponse;
import org.coalitionledger.coalition.query.ReplayMembersQuery;
import org.coalitionledger.coalition.query.TimelineResponse;
import org.coalitionledger.common.Rejection;
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

import java.time.Clock;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Records coalition acts and answers who is in a coalition. Every read takes {@code asOf} (a day; default today)
 * and {@code knownAt} (an instant; default now) and repeats them in its answer.
 */
@RestController
@RequestMapping("/api/coalitions")
@Tag(name = "Coalitions")
class CoalitionController {

    private final Recorder recorder;
    private final Requests requests;
    private final QueryGateway queries;
    private final Clock clock;

    CoalitionController(Recorder recorder, QueryGateway queries, Requests requests, Clock clock) {
        this.clock = clock;
        this.requests = requests;
        this.recorder = recorder;
        this.queries = queries;
    }

    @PostMapping
    @Operation(summary = "FormCoalition: record that a coalition was formed")
    ResponseEntity<Recorded> form(@RequestBody FormCoalitionRequest request, Principal principal) {
        Recorded recorded = recorder.record(requests.valid(request)::toCommand, Params.caller(principal));
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

    @PostMapping("/{coalition}/suspensions")
    @Operation(summary = "SuspendMember: record that a member was suspended (in no members list until reinstated)")
    ResponseEntity<Recorded> suspend(@PathVariable String coalition, @RequestBody PartyActRequest request,
                                     Principal principal) {
        return record(coalition, request, PartyActRequest::toSuspension, principal);
    }

    @PostMapping("/{coalition}/reinstatements")
    @Operation(summary = "ReinstateMember: record that a suspended member was reinstated")
    ResponseEntity<Recorded> reinstate(@PathVariable String coalition, @RequestBody PartyActRequest request,
                                       Principal principal) {
        return record(coalition, request, PartyActRequest::toReinstatement, principal);
    }

    @PostMapping("/{coalition}/observers")
    @Operation(summary = "AdmitObserver: record that a state was admitted as an observer")
    ResponseEntity<Recorded> admitObserver(@PathVariable String coalition, @RequestBody PartyActRequest request,
                                           Principal principal) {
        return record(coalition, request, PartyActRequest::toObserver, principal);
    }

    /** Coalitions shown on a page of the list when {@code size} is not given. */
    static final int DEFAULT_SIZE = 100;
    /** The largest page of the list. */
    static final int MAX_SIZE = 1_000;

    /**
     * One page of the coalitions formed by {@code asOf}, as known at {@code knownAt}, in id order: page {@code page}
     * (from 1) of at most {@code size}, and {@code total} coalitions in {@code pages} pages.
     */
    record CoalitionsResponse(LocalDate asOf, Instant knownAt, List<CoalitionSummary> coalitions, int page, int size,
                              long total, long pages) {
    }

    @GetMapping
    @Operation(summary = "Coalitions formed by asOf, with leads and member counts on that day, as known at knownAt;"
            + " paged: page from 1, size 1-" + MAX_SIZE + " (default " + DEFAULT_SIZE + "), with the total")
    CoalitionsResponse coalitions(@RequestParam(required = false) String asOf,
                                  @RequestParam(required = false) String knownAt,
                                  @RequestParam(required = false) String page,
                                  @RequestParam(required = false) String size) {
        LocalDate day = Params.asOf(asOf, clock);
        Instant known = Params.knownAt(knownAt, clock);
        CoalitionPage answer = queries.query(
                new FindCoalitionPageQuery(day, known, Params.page(page, Params.FIRST_PAGE),
                                           Params.size(size, DEFAULT_SIZE, MAX_SIZE)),
                CoalitionPage.class).join();
        return new CoalitionsResponse(day, known, answer.coalitions(), answer.page(), answer.size(), answer.total(),
                                      answer.pages());
    }

    @GetMapping("/{coalition}/members")
    @Operation(summary = "Members (role LEAD or MEMBER) and intending parties on asOf as known at knownAt;"
            + " mode=replay answers by folding the events instead of reading the projection")
    MembersResponse members(@PathVariable String coalition, @RequestParam(required = false) String asOf,
                            @RequestParam(required = false) String knownAt,
                            @RequestParam(required = false) String mode) {
        return members(coalition, Params.asOf(asOf, clock), Params.knownAt(knownAt, clock), Params.replay(mode));
    }

    @GetMapping("/{coalition}/timeline")
    @Operation(summary = "Intent, membership and lead intervals per party overlapping [from, to], for charts")
    TimelineResponse timeline(@PathVariable String coalition, @RequestParam(required = false) String from,
                              @RequestParam(required = false) String to,
                              @RequestParam(required = false) String knownAt) {
        LocalDate start = Params.day("from", from, null);
        LocalDate end = Params.day("to", to, null);
        if (start != null && end != null && end.isBefore(start)) {
            throw Rejection.invalid("to", "to " + end + " is before from " + start);
        }
        return queries.query(new FetchTimelineQuery(coalition, start, end, Params.knownAt(knownAt, clock)),
                             ResponseTypes.optionalInstanceOf(TimelineResponse.class))
                .join().orElseThrow(() -> Rejection.unknown("coalition", coalition));
    }

    private MembersResponse members(String coalition, LocalDate asOf, Instant knownAt, boolean fromReplay) {
        Optional<MembersResponse> answer = fromReplay
                ? queries.query(new ReplayMembersQuery(coalition, asOf, knownAt),
                                ResponseTypes.optionalInstanceOf(MembersResponse.class)).join()
                : queries.query(new FetchMembersQuery(coalition, asOf, knownAt),
                                ResponseTypes.optionalInstanceOf(MembersResponse.class)).join();
        return answer.orElseThrow(() -> Rejection.unknown("coalition", coalition));
    }

    private ResponseEntity<Recorded> record(String coalition, PartyActRequest request,
                                            BiFunction<PartyActRequest, String, Object> command,
                                            Principal principal) {
        PartyActRequest atPath = requests.valid(request.atCoalition(coalition));
        Recorded recorded = recorder.record(recordId -> command.apply(atPath, recordId), Params.caller(principal));
        return ResponseEntity.status(201).body(recorded);
    }
}
