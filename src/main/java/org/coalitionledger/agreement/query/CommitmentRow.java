package org.coalitionledger.agreement.query;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.coalitionledger.agreement.query.CommitmentFold.CommitmentPeriod;
import org.coalitionledger.common.PartialDate;
import org.coalitionledger.support.RecordTime;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A commitment period of one party under one agreement, on both clocks: it runs in effective time from
 * {@code startDate}, and was the ledger's view from {@code knownFrom} until {@code knownUntil}.
 */
@Entity
@Table(name = "commitment_period")
class CommitmentRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "agreement_id")
    private String agreementId;
    @Column(name = "coalition_id")
    private String coalitionId;
    private String party;
    @Column(name = "start_date")
    private LocalDate startDate;
    @Column(name = "start_text")
    private String startText;
    @Column(name = "sign_record_id")
    private String signRecordId;
    @Column(name = "scheduled_end")
    private LocalDate scheduledEnd;
    @Column(name = "withdrawn_date")
    private LocalDate withdrawnDate;
    @Column(name = "withdrawn_text")
    private String withdrawnText;
    @Column(name = "withdraw_record_id")
    private String withdrawRecordId;
    @Column(name = "known_from")
    private Instant knownFrom;
    @Column(name = "known_until")
    private Instant knownUntil = RecordTime.OPEN;

    protected CommitmentRow() {
    }

    CommitmentRow(String agreementId, String coalitionId, String party, CommitmentPeriod period, Instant knownFrom) {
        this.agreementId = agreementId;
        this.coalitionId = coalitionId;
        this.party = party;
        this.startDate = period.start().start();
        this.startText = period.start().text();
        this.signRecordId = period.signRecordId();
        this.scheduledEnd = period.scheduledEnd();
        if (period.withdrawnOn() != null) {
            this.withdrawnDate = period.withdrawnOn().start();
            this.withdrawnText = period.withdrawnOn().text();
            this.withdrawRecordId = period.withdrawRecordId();
        }
        this.knownFrom = knownFrom;
    }

    CommitmentPeriod toPeriod() {
        return new CommitmentPeriod(PartialDate.parse(startText), signRecordId, scheduledEnd,
                          withdrawnText == null ? null : PartialDate.parse(withdrawnText), withdrawRecordId);
    }

    void supersede(Instant at) {
        this.knownUntil = at;
    }

    String agreementId() {
        return agreementId;
    }

    String coalitionId() {
        return coalitionId;
    }

    String party() {
        return party;
    }
}
