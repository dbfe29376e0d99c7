package org.coalitionledger.agreement.query;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.time.LocalDate;
import java.util.List;

/** The tables of the commitment projection. */
final class CommitmentRepositories {

    private CommitmentRepositories() {
    }

    interface AgreementViews extends JpaRepository<AgreementView, String> {

        List<AgreementView> findByCoalitionIdOrderById(String coalitionId);
    }

    interface CommitmentActs extends JpaRepository<CommitmentActRow, String> {

        List<CommitmentActRow> findByAgreementIdAndParty(String agreementId, String party);
    }

    interface Commitments extends JpaRepository<CommitmentRow, Long> {

        @Query("select c from CommitmentRow c where c.agreementId = :agreement and c.party = :party"
                + " and c.knownUntil is null")
        List<CommitmentRow> current(String agreement, String party);

        @Query("select c from CommitmentRow c where c.agreementId = :agreement and c.knownUntil is null"
                + " and c.startDate <= :asOf order by c.party, c.startDate")
        List<CommitmentRow> startedBy(String agreement, LocalDate asOf);

        @Query("select c from CommitmentRow c where c.knownUntil is null and c.startDate <= :asOf"
                + " and c.scheduledEnd > :asOf and c.scheduledEnd <= :until"
                + " and (c.withdrawnDate is null or c.withdrawnDate > :asOf)"
                + " order by c.scheduledEnd, c.agreementId, c.party")
        List<CommitmentRow> activeEndingBetween(LocalDate asOf, LocalDate until);
    }
}
