package org.coalitionledger.coalition.query;

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
import org.coalitionledger.coalition.query.MembershipFold.Act;
import org.coalitionledger.coalition.query.MembershipFold.Kind;
import org.coalitionledger.common.PartialDate;

/** One membership act as this projection keeps it, so that a party's intervals can be folded again. */
@Entity
@Table(name = "membership_act")
class MembershipActRow implements Persistable<String> {

    @Id
    @Column(name = "record_id")
    private String recordId;
    @Column(name = "coalition_id")
    private String coalitionId;
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

    protected MembershipActRow() {
    }

    MembershipActRow(String recordId, String coalitionId, String party, Kind kind, PartialDate effectiveDate,
                     long order) {
        this.recordId = recordId;
        this.coalitionId = coalitionId;
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
