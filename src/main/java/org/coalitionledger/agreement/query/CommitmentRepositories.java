package org.coalitionledger.agreement.query;

import org.coalitionledger.support.RecordTime;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/** The tables of the commitment projection. */
final class CommitmentRepositories {

    /** Rows of the view the ledger held at {@code knownAt}. */
    private static final String KNOWN = " and c.knownFrom <= :knownAt"
            + " and c.knownUntil > :knownAt";

    private CommitmentRepositories() {
    }

    interface AgreementViews extends JpaRepository<AgreementView, String> {

        List<AgreementView> findByCoalitionIdAndKnownFromLessThanEqualOrderById(String coalition, Instant knownAt);

        List<AgreementView> findByKnownFromLessThanEqualOrderById(Instant knownAt);

        List<AgreementView> findByCoalitionIdInAndKnownFromLessThanEqualOrderById(Collection<String> coalitions,
                                                                                  Instant knownAt);
    }

    interface AgreementActs extends JpaRepository<AgreementActRow, Long> {

        @Query("select a from AgreementActRow a where a.agreementId = :agreement and a.knownUntil = :open")
        List<AgreementActRow> current(String agreement, Instant open);

        /** The acts of the ledger's present view of one agreement. */
        default List<AgreementActRow> current(String agreement) {
            return current(agreement, RecordTime.OPEN);
        }

        @Query("select a from AgreementActRow a where a.agreementId = :agreement and a.party = :party"
                + " and a.knownUntil = :open")
        List<AgreementActRow> current(String agreement, String party, Instant open);

        @Query("select a from AgreementActRow a where a.recordId = :recordId and a.knownUntil = :open")
        List<AgreementActRow> currentOfRecord(String recordId, Instant open);

        @Query("select a from AgreementActRow a where a.agreementId = :agreement"
                + " and a.knownFrom <= :knownAt and a.knownUntil > :knownAt")
        List<AgreementActRow> knownAt(String agreement, Instant knownAt);
    }

    interface Commitments extends JpaRepository<CommitmentRow, Long> {

        @Query("select c from CommitmentRow c where c.agreementId = :agreement and c.party = :party"
                + " and c.knownUntil = :open")
        List<CommitmentRow> current(String agreement, String party, Instant open);

        /** The periods of the ledger's present view of one party. */
        default List<CommitmentRow> current(String agreement, String party) {
            return current(agreement, party, RecordTime.OPEN);
        }

        @Query("select c from CommitmentRow c where c.agreementId = :agreement and c.knownUntil = :open")
        List<CommitmentRow> currentOfAgreement(String agreement, Instant open);

        @Query("select c from CommitmentRow c where c.agreementId = :agreement and c.startDate <= :asOf" + KNOWN
                + " order by c.party, c.startDate")
        List<CommitmentRow> startedBy(String agreement, LocalDate asOf, Instant knownAt);

        @Query("select c from CommitmentRow c where c.agreementId in :agreements and c.startDate <= :asOf" + KNOWN
                + " order by c.agreementId, c.party, c.startDate")
        List<CommitmentRow> startedByAny(Collection<String> agreements, LocalDate asOf, Instant knownAt);

        @Query("select c from CommitmentRow c where c.party = :party and c.startDate <= :asOf" + KNOWN
                + " order by c.agreementId, c.startDate")
        List<CommitmentRow> ofPartyStartedBy(String party, LocalDate asOf, Instant knownAt);

        @Query("select c from CommitmentRow c where c.startDate <= :asOf"
                + " and c.scheduledEnd > :asOf and c.scheduledEnd <= :until"
                + " and (c.withdrawnDate is null or c.withdrawnDate > :asOf)" + KNOWN
                + " order by c.scheduledEnd, c.agreementId, c.party")
        List<CommitmentRow> activeEndingBetween(LocalDate asOf, LocalDate until, Instant knownAt);
    }
}
