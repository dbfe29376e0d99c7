package org.coalitionledger.history.query;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

import java.time.Instant;
import java.time.LocalDate;

/** One recorded act of a coalition (or of one of its agreements) with its source and recording metadata. */
@Entity
@Table(name = "history_entry")
class HistoryEntryRow implements Persistable<String> {

    @Id
    @Column(name = "record_id")
    String recordId;
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
    String notes;
    @Column(name = "target_record_id")
    String targetRecordId;
    @Column(name = "recorded_by")
    String recordedBy;
    @Column(name = "recorded_at")
    Instant recordedAt;
    @Column(name = "event_position")
    long position;

    /** Rows are only ever inserted new or loaded, so that saving a new one needs no look-up first. */
    @Transient
    private boolean fresh = true;

    protected HistoryEntryRow() {
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
