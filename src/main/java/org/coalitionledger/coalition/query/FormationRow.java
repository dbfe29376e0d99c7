package org.coalitionledger.coalition.query;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.coalitionledger.common.PartialDate;
import org.coalitionledger.support.RecordTime;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A coalition's formation date as the ledger held it from {@code knownFrom} until {@code knownUntil}
 * (RecordTime.OPEN while it is the current one); a correction of the formation closes one and opens the next. Each
 * row carries its coalition's own {@code known_from} too ({@code coalitionKnownFrom}), so that the list of coalitions
 * cuts its page from this table alone (CoalitionList).
 */
@Entity
@Table(name = "coalition_formation")
class FormationRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "coalition_id")
    private String coalitionId;
    @Column(name = "formed_on")
    private String formedOn;
    @Column(name = "formed_start")
    private LocalDate formedStart;
    @Column(name = "known_from")
    private Instant knownFrom;
    @Column(name = "known_until")
    private Instant knownUntil = RecordTime.OPEN;
    @Column(name = "coalition_known_from")
    private Instant coalitionKnownFrom;

    protected FormationRow() {
    }

    /** {@code coalitionKnownFrom}: when the ledger learnt of the coalition, null if it holds no such coalition. */
    FormationRow(String coalitionId, PartialDate formedOn, Instant knownFrom, Instant coalitionKnownFrom) {
        this.coalitionId = coalitionId;
        this.formedOn = formedOn.text();
        this.formedStart = formedOn.start();
        this.knownFrom = knownFrom;
        this.coalitionKnownFrom = coalitionKnownFrom;
    }

    PartialDate formedOn() {
        return PartialDate.parse(formedOn);
    }

    /** The ledger stops holding this date at {@code knownUntil}. */
    void close(Instant knownUntil) {
        this.knownUntil = knownUntil;
    }
}
