package org.coalitionledger.ui;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.coalitionledger.agreement.query.AgreementSummary;
import org.coalitionledger.agreement.query.Commitment;
import org.coalitionledger.agreement.query.CommitmentsResponse;
import org.coalitionledger.agreement.query.FetchCommitmentsQuery;
import org.coalitionledger.agreement.query.FindAgreementsOfCoalitionsQuery;
import org.coalitionledger.agreement.query.FetchPartiesQuery;
import org.coalitionledger.agreement.query.PartiesResponse;
import org.coalitionledger.agreement.query.FindAgreementsQuery;
import org.coalitionledger.agreement.query.FindCommitmentsOfPartyQuery;
import org.coalitionledger.coalition.query.CoalitionPage;
import org.coalitionledger.coalition.query.CoalitionSummary;
import org.coalitionledger.coalition.query.FindCoalitionPageQuery;
import org.coalitionledger.coalition.query.FetchCoalitionQuery;
import org.coalitionledger.coalition.query.FetchMembersQuery;
import org.coalitionledger.coalition.query.FetchTimelineQuery;
import org.coalitionledger.coalition.query.FindCoalitionsQuery;
import org.coalitionledger.coalition.query.FindMembershipsOfPartyQuery;
import org.coalitionledger.coalition.query.MembersResponse;
import org.coalitionledger.coalition.query.PartyMemberships;
import org.coalitionledger.coalition.query.TimelineResponse;
import org.coalitionledger.common.Rejection;
import org.coalitionledger.history.query.EventLogResponse;
import org.coalitionledger.history.query.FetchHistoryQuery;
import org.coalitionledger.history.query.FindEventLogQuery;
import org.coalitionledger.history.query.FindLastActsQuery;
import org.coalitionledger.history.query.HistoryResponse;
import org.coalitionledger.review.query.FindReviewLogQuery;
import org.coalitionledger.review.query.ReviewLogEntry;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The read side as the pages ask it: the same queries as the API, through Axon's query gateway. */
@Component
class Ledger {

    private final QueryGateway queries;

    Ledger(QueryGateway queries) {
        this.queries = queries;
    }

    List<CoalitionSummary> coalitions(LocalDate asOf, Instant knownAt) {
        return queries.query(new FindCoalitionsQuery(asOf, knownAt),
                             ResponseTypes.multipleInstancesOf(CoalitionSummary.class)).join();
    }

    CoalitionPage coalitions(LocalDate asOf, Instant knownAt, int page, int size) {
        return queries.query(new FindCoalitionPageQuery(asOf, knownAt, page, size), CoalitionPage.class).join();
    }

    /** The agreements of the coalitions given. */
    List<AgreementSummary> agreementsOf(List<String> coalitions, LocalDate asOf, Instant knownAt) {
        return queries.query(new FindAgreementsOfCoalitionsQuery(coalitions, asOf, knownAt),
                             ResponseTypes.multipleInstancesOf(AgreementSummary.class)).join();
    }

    /** The last act recorded up to {@code knownAt} in each coalition given that has one. */
    List<EventLogResponse.LogEntry> lastActs(List<String> coalitions, Instant knownAt) {
        return queries.query(new FindLastActsQuery(coalitions, knownAt), EventLogResponse.class).join().entries();
    }

    CoalitionSummary coalition(String coalition, LocalDate asOf, Instant knownAt) {
        return queries.query(new FetchCoalitionQuery(coalition, asOf, knownAt),
                             ResponseTypes.optionalInstanceOf(CoalitionSummary.class)).join()
                .orElseThrow(() -> Rejection.unknown("coalition", coalition));
    }

    MembersResponse members(String coalition, LocalDate asOf, Instant knownAt) {
        return queries.query(new FetchMembersQuery(coalition, asOf, knownAt),
                             ResponseTypes.optionalInstanceOf(MembersResponse.class)).join()
                .orElseThrow(() -> Rejection.unknown("coalition", coalition));
    }

    TimelineResponse timeline(String coalition, LocalDate from, LocalDate to, Instant knownAt) {
        return queries.query(new FetchTimelineQuery(coalition, from, to, knownAt),
                             ResponseTypes.optionalInstanceOf(TimelineResponse.class)).join()
                .orElseThrow(() -> Rejection.unknown("coalition", coalition));
    }

    /** The agreements of one coalition, or of every coalition when {@code coalition} is null. */
    List<AgreementSummary> agreements(String coalition, LocalDate asOf, Instant knownAt) {
        return queries.query(new FindAgreementsQuery(coalition, asOf, knownAt),
                             ResponseTypes.multipleInstancesOf(AgreementSummary.class)).join();
    }

    Optional<CommitmentsResponse> commitments(String agreement, LocalDate asOf, Instant knownAt) {
        return queries.query(new FetchCommitmentsQuery(agreement, asOf, knownAt),
                             ResponseTypes.optionalInstanceOf(CommitmentsResponse.class)).join();
    }

    Optional<PartiesResponse> parties(String agreement, LocalDate asOf, Instant knownAt) {
        return queries.query(new FetchPartiesQuery(agreement, asOf, knownAt),
                             ResponseTypes.optionalInstanceOf(PartiesResponse.class)).join();
    }

    Optional<HistoryResponse> history(String coalition, Instant knownAt) {
        return queries.query(new FetchHistoryQuery(coalition, knownAt),
                             ResponseTypes.optionalInstanceOf(HistoryResponse.class)).join();
    }

    PartyMemberships memberships(String party, LocalDate asOf, Instant knownAt) {
        return queries.query(new FindMembershipsOfPartyQuery(party, asOf, knownAt),
                             ResponseTypes.instanceOf(PartyMemberships.class)).join();
    }

    List<Commitment> commitmentsOf(String party, LocalDate asOf, Instant knownAt) {
        return queries.query(new FindCommitmentsOfPartyQuery(party, asOf, knownAt),
                             ResponseTypes.multipleInstancesOf(Commitment.class)).join();
    }

    EventLogResponse log(FindEventLogQuery query) {
        return queries.query(query, ResponseTypes.instanceOf(EventLogResponse.class)).join();
    }

    List<ReviewLogEntry> reviewLog(FindReviewLogQuery query) {
        return queries.query(query, ResponseTypes.multipleInstancesOf(ReviewLogEntry.class)).join();
    }
}
