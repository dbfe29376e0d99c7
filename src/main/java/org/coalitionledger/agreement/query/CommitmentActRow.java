package org.coalitionledger.agreement.query;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;
import org.coalitionledger.agreement.query.CommitmentFold.Act;
import org.coalitionledger.agreement.query.CommitmentFold.Kind;
import org.coalitionledger.common.PartialDate;

/** One signature or withdrawal as this projection keeps it, so that a party's periods can be folded again. */
@Entity
@Table(name = "commitment_act")
class CommitmentActRow implements Persistable<String> {

    @Id
    @Column(name = "record_id")
    private String recordId;
    @Column(name = "agreement_id")
    private String agreementId;
    private String party;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    @Column(name = "effective_date")
    private String effectiveDate;
    @Column(name = "act_order")
    private long order;

    /** Rows are only ever inserted new or loaded, so that saving a new one needs no look-up first. */
    @Transient
    private boolean fresh = true;

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

    @Override
    public String getId() {
        return recordId;
    }

    @Override
    public boolean isNew() {
        return fresh;
    }

    @PostLoad
    @PostPersist
    void markStored() {
        fresh = false;
    }
}
