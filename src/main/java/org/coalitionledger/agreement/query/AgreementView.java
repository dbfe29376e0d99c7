package org.coalitionledger.agreement.query;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.coalitionledger.agreement.event.AgreementRegistered;
import org.coalitionledger.common.PartialDate;

import java.time.Instant;
import java.time.Period;

/** An agreement with its coalition, title, commitment term and treaty rules. */
@Entity
@Table(name = "agreement_view")
class AgreementView {

    @Id
    private String id;
    @Column(name = "coalition_id")
    private String coalitionId;
    private String title;
    @Column(name = "commitment_term")
    private String commitmentTerm;
    @Column(name = "effective_date")
    private String effectiveDate;
    @Column(name = "known_from")
    private Instant knownFrom;
    @Column(name = "commitment_starts")
    private String commitmentStarts;
    @Column(name = "after_consents")
    private Integer afterConsents;
    @Column(name = "entry_delay")
    private String entryDelay;
    @Column(name = "withdrawal_notice")
    private String withdrawalNotice;

    protected AgreementView() {
    }

    AgreementView(AgreementRegistered event, Instant recordedAt) {
        this.knownFrom = recordedAt;
        this.id = event.agreement();
        this.coalitionId = event.coalition();
        this.title = event.title();
        this.commitmentTerm = event.commitmentTerm();
        this.effectiveDate = event.effectiveDate() == null ? null : event.effectiveDate().text();
        this.commitmentStarts = event.starts().name();
        if (event.entryIntoForce() != null) {
            this.afterConsents = event.entryIntoForce().afterConsents();
            this.entryDelay = event.entryIntoForce().delay();
        }
        this.withdrawalNotice = event.withdrawalNotice();
    }

    /** The rules the fold of this agreement's acts needs. */
    AgreementFold.Rule rule() {
        return AgreementFold.Rule.of(commitmentStarts, commitmentTerm, afterConsents, entryDelay, withdrawalNotice);
    }

    boolean knownAt(Instant knownAt) {
        return !knownFrom.isAfter(knownAt);
    }

    String id() {
        return id;
    }

    String coalitionId() {
        return coalitionId;
    }

    String title() {
        return title;
    }

    String commitmentTerm() {
        return commitmentTerm;
    }

    Period term() {
        return commitmentTerm == null ? null : Period.parse(commitmentTerm);
    }

    PartialDate effectiveDate() {
        return effectiveDate == null ? null : PartialDate.parse(effectiveDate);
    }
}
