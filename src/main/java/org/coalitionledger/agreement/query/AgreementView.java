package org.coalitionledger.agreement.query;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.coalitionledger.agreement.event.AgreementRegistered;
import org.coalitionledger.common.PartialDate;

import java.time.Instant;
import java.time.Period;

/** An agreement with its coalition, title and commitment term. */
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

    protected AgreementView() {
    }

    AgreementView(AgreementRegistered event, Instant recordedAt) {
        this.knownFrom = recordedAt;
        this.id = event.agreement();
        this.coalitionId = event.coalition();
        this.title = event.title();
        this.commitmentTerm = event.commitmentTerm();
        this.effectiveDate = event.effectiveDate() == null ? null : event.effectiveDate().text();
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
        return Period.parse(commitmentTerm);
    }

    PartialDate effectiveDate() {
        return effectiveDate == null ? null : PartialDate.parse(effectiveDate);
    }
}
