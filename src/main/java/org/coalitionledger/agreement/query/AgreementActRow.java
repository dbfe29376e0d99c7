package org.coalitionledger.agreement.query;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.coalitionledger.agreement.query.CommitmentFold.Act;
import org.coalitionledger.agreement.query.CommitmentFold.Kind;
import org.coalitionledger.common.PartialDate;
import org.coalitionledger.support.RecordTime;

import java.time.Instant;

/**
 * One act under an agreement as this projection keeps it, on both clocks: a correction closes the row held until
 * then and opens one with the new date, a retraction closes it. The rows held now are folded again whenever an act
 * changes (the commitments); the rows held at a moment answer the parties as known then.
 */
@Entity
@Table(name = "agreement_act")
class AgreementActRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "record_id")
    private String recordId;
    @Column(name = "agreement_id")
    private String agreementId;
    private String party;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    @Column(name = "effective_date")
    private String effectiveDate;
    private String means;
    @Column(name = "takes_effect")
    private String takesEffect;
    @Column(name = "act_order")
    private long order;
    @Column(name = "known_from")
    private Instant knownFrom;
    @Column(name = "known_until")
    private Instant knownUntil = RecordTime.OPEN;

    protected AgreementActRow() {
    }

    AgreementActRow(String agreementId, Act act, Instant knownFrom) {
        this.recordId = act.recordId();
        this.agreementId = agreementId;
        this.party = act.party();
        this.kind = act.kind();
        this.effectiveDate = act.date().text();
        this.means = act.means();
        this.takesEffect = act.takesEffect() == null ? null : act.takesEffect().text();
        this.order = act.order();
        this.knownFrom = knownFrom;
    }

    void close(Instant at) {
        this.knownUntil = at;
    }

    String party() {
        return party;
    }

    Act toAct() {
        return new Act(kind, PartialDate.parse(effectiveDate), recordId, order, party, means,
                       takesEffect == null ? null : PartialDate.parse(takesEffect));
    }
}
