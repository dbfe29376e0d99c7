package org.coalitionledger.coalition.query;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.coalitionledger.coalition.query.MembershipFold.Act;
import org.coalitionledger.coalition.query.MembershipFold.Kind;
import org.coalitionledger.common.InsertOnlyRow;
import org.coalitionledger.common.PartialDate;

/** One membership act as this projection keeps it, so that a party's intervals can be folded again. */
@Entity
@Table(name = "membership_act")
class MembershipActRow extends InsertOnlyRow {

    @Column(name = "coalition_id")
    private String coalitionId;
    private String party;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    @Column(name = "effective_date")
    private String effectiveDate;
    @Column(name = "act_order")
    private long order;

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
}
