package org.coalitionledger.coalition.query;

import org.coalitionledger.support.RecordTime;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The tables of the membership projection. */
final class MembershipRepositories {

    private MembershipRepositories() {
    }

    /** Rows of the view the ledger held at {@code knownAt}. */
    private static final String KNOWN = " and i.knownFrom <= :knownAt"
            + " and i.knownUntil > :knownAt";

    interface CoalitionViews extends JpaRepository<CoalitionView, String> {
    }

    interface Formations extends JpaRepository<FormationRow, Long> {

        @Query("select f from FormationRow f where f.coalitionId = :coalition and f.knownFrom <= :knownAt"
                + " and f.knownUntil > :knownAt")
        Optional<FormationRow> heldAt(String coalition, Instant knownAt);

        @Query("select f from FormationRow f where f.coalitionId = :coalition and f.knownUntil = :open")
        Optional<FormationRow> current(String coalition, Instant open);

        /** The formation date the ledger holds now. */
        default Optional<FormationRow> current(String coalition) {
            return current(coalition, RecordTime.OPEN);
        }
    }

    interface Intervals extends JpaRepository<IntervalRow, Long> {

        @Query("select i from IntervalRow i where i.coalitionId = :coalition and i.party = :party"
                + " and i.knownUntil = :open")
        List<IntervalRow> current(String coalition, String party, Instant open);

        /** The intervals of the ledger's present view of one party. */
        default List<IntervalRow> current(String coalition, String party) {
            return current(coalition, party, RecordTime.OPEN);
        }

        @Query("select i from IntervalRow i where i.coalitionId = :coalition"
                + " and i.startDate <= :asOf and (i.endDate is null or i.endDate > :asOf)" + KNOWN)
        List<IntervalRow> holdingOn(String coalition, LocalDate asOf, Instant knownAt);

        @Query("select i from IntervalRow i where i.party = :party"
                + " and i.startDate <= :asOf and (i.endDate is null or i.endDate > :asOf)" + KNOWN)
        List<IntervalRow> ofPartyOn(String party, LocalDate asOf, Instant knownAt);

        @Query("select i from IntervalRow i where i.coalitionId = :coalition"
                + " and i.startDate <= :to and (i.endDate is null or i.endDate > :from)" + KNOWN
                + " order by i.party, i.startDate, i.role")
        List<IntervalRow> overlapping(String coalition, LocalDate from, LocalDate to, Instant knownAt);
    }
}
