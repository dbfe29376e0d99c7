package org.coalitionledger.history.query;

import org.coalitionledger.common.Precision;
import org.coalitionledger.common.Source;

import java.time.Instant;
import java.util.List;

/**
 * A page of the event log, newest first; {@code more} is true when older entries matched the filters too.
 */
public record EventLogResponse(List<LogEntry> entries, boolean more) {

    /**
     * One recorded act as it was recorded: the command, what it is about, its effective date as recorded (a
     * correction's new date), the record it corrects or retracts ({@code targetRecordId}), its source, and who
     * recorded it when. {@code position} is its place in the event store.
     */
    public record LogEntry(String recordId, String command, String coalition, String agreement, String party,
                           String effectiveDate, Precision precision, String targetRecordId, Source source,
                           String notes, String recordedBy, Instant recordedAt, long position) {
    }
}
