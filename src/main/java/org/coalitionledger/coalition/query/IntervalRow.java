package org.coalitionledger.coalition.query;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.coalitionledger.coalition.query.MembershipFold.Interval;
import org.coalitionledger.common.PartialDate;
import org.coalitionledger.support.RecordTime;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An interval of intent, membership or lead of one party in one coalition, on both clocks: it holds in effective
 * time over [start, end) and was the ledger's view from {@code knownFrom} until {@code knownUntil} (RecordTime.OPEN
 * while it is still the current view).
 */
@Entity
@Table(name = "membership_interval")
class IntervalRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "coalition_id")
    private String coalitionId;
    private String party;
    @Enumerated(EnumType.STRING)
    private MemberRole role;
    @Column(name = "start_date")
    private LocalDate startDate;
    @Column(name = "start_text")
    private String startText;
    @Column(name = "start_record_id")
    private String startRecordId;
    @Column(name = "end_date")
    private LocalDate endDate;
    @Column(name = "end_text")
    private String endText;
    @Column(name = "end_record_id")
    private String endRecordId;
    @Column(name = "known_from")
    private Instant knownFrom;
    @Column(name = "known_until")
    private Instant knownUntil = RecordTime.OPEN;

    protected IntervalRow() {
    }

    IntervalRow(String coalitionId, String party, Interval interval, Instant knownFrom) {
        this.coalitionId = coalitionId;
        this.party = party;
        this.role = interval.role();
        this.startDate = interval.start().start();
        this.startText = interval.start().text();
        this.startRecordId = interval.startRecordId();
        if (interval.end() != null) {
            this.endDate = interval.end().start();
            this.endText = interval.end().text();
            this.endRecordId = interval.endRecordId();
        }
        this.knownFrom = knownFrom;
    }

    Interval toInterval() {
        return new Interval(role, PartialDate.parse(startText), startRecordId,
                            endText == null ? null : PartialDate.parse(endText), endRecordId);
    }

    void supersede(Instant at) {
        this.knownUntil = at;
    }

    String party() {
        return party;
    }

    MemberRole role() {
        return role;
    }

    PartialDate start() {
        return PartialDate.parse(startText);
    }

    PartialDate end() {
        return endText == null ? null : PartialDate.parse(endText);
    }

    String coalitionId() {
        return coalitionId;
    }
}
