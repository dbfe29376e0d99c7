package org.coalitionledger.coalition.query;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.time.LocalDate;
import java.util.List;

/** The tables of the membership projection. */
final class MembershipRepositories {

    private MembershipRepositories() {
    }

    interface CoalitionViews extends JpaRepository<CoalitionView, String> {

        @Query("select c from CoalitionView c where c.formedStart <= :asOf order by c.id")
        List<CoalitionView> formedBy(LocalDate asOf);
    }

    interface MembershipActs extends JpaRepository<MembershipActRow, String> {

        List<MembershipActRow> findByCoalitionIdAndParty(String coalitionId, String party);
    }

    interface Intervals extends JpaRepository<IntervalRow, Long> {

        @Query("select i from IntervalRow i where i.coalitionId = :coalition and i.party = :party"
                + " and i.knownUntil is null")
        List<IntervalRow> current(String coalition, String party);

        @Query("select i from IntervalRow i where i.coalitionId = :coalition and i.knownUntil is null"
                + " and i.startDate <= :asOf and (i.endDate is null or i.endDate > :asOf)")
        List<IntervalRow> holdingOn(String coalition, LocalDate asOf);
    }
}
