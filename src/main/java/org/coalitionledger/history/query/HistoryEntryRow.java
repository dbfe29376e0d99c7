package org.coalitionledger.history.query;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.coalitionledger.support.InsertOnlyRow;

import java.time.Instant;
import java.time.LocalDate;

/** One recorded act of a coalition (or of one of its agreements) with its source and recording metadata. */
@Entity
@Table(name = "history_entry")
class HistoryEntryRow extends InsertOnlyRow {

    @Column(name = "coalition_id")
    String coalitionId;
    @Column(name = "agreement_id")
    String agreementId;
    String command;
    String party;
    @Column(name = "effective_date")
    String effectiveDate;
    @Column(name = "effective_start")
    LocalDate effectiveStart;
    String details;
    @Column(name = "source_title")
    String sourceTitle;
    @Column(name = "source_url")
    String sourceUrl;
    @Column(name = "source_publisher")
    String sourcePublisher;
    @Column(name = "source_published_on")
    String sourcePublishedOn;
    @Column(name = "source_quote")
    String sourceQuote;
    /** The evidence hashes the source cites, comma-separated; null when none. */
    @Column(name = "source_evidence")
    String sourceEvidence;
    String notes;
    @Column(name = "target_record_id")
    String targetRecordId;
    @Column(name = "recorded_by")
    String recordedBy;
    @Column(name = "recorded_at")
    Instant recordedAt;
    @Column(name = "event_position")
    long position;

    protected HistoryEntryRow() {
    }

    HistoryEntryRow(String recordId) {
        this.recordId = recordId;
    }
}
