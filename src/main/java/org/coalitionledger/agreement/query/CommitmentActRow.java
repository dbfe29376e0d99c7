package org.coalitionledger.agreement.query;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.coalitionledger.agreement.query.CommitmentFold.Act;
import org.coalitionledger.agreement.query.CommitmentFold.Kind;
import org.coalitionledger.support.InsertOnlyRow;
import org.coalitionledger.common.PartialDate;

/** One signature or withdrawal as this projection keeps it, so that a party's periods can be folded again. */
@Entity
@Table(name = "commitment_act")
class CommitmentActRow extends InsertOnlyRow {

    @Column(name = "agreement_id")
    private String agreementId;
    private String party;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    @Column(name = "effective_date")
    private String effectiveDate;
    @Column(name = "act_order")
    private long order;

    protected CommitmentActRow() {
    }

    CommitmentActRow(String recordId, String agreementId, String party, Kind kind, PartialDate effectiveDate,
                     long order) {
        this.recordId = recordId;
        this.agreementId = agreementId;
        this.party = party;
        this.kind = kind;
        this.effectiveDate = effectiveDate.text();
        this.order = order;
    }

    void moveTo(PartialDate date) {
        this.effectiveDate = date.text();
    }

    Act toAct() {
        return new Act(kind, PartialDate.parse(effectiveDate), recordId, order);
    }
}
