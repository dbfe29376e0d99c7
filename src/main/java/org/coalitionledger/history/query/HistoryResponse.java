package org.coalitionledger.history.query;

import org.coalitionledger.common.Precision;
import org.coalitionledger.common.Source;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The history of a coalition as the ledger knew it at {@code knownAt}: each recorded act in effective-date order,
 * with the corrections and retractions recorded for it by then.
 */
public record HistoryResponse(String coalition, Instant knownAt, List<Entry> entries) {

    /**
     * One recorded act. {@code effectiveDate} is the date as corrected by {@code knownAt}; {@code recordedDate} the
     * date it was first recorded with. {@code details} holds what only some commands carry (a coalition's name, an
     * agreement's title and term); {@code agreement} is set for agreement acts.
     */
    public record Entry(String recordId, String command, String agreement, String party, String effectiveDate,
                        Precision precision, String recordedDate, boolean retracted, Map<String, Object> details,
                        Source source, String notes, String recordedBy, Instant recordedAt,
                        List<Correction> corrections) {
    }

    /** A correction (new {@code effectiveDate}) or retraction of an entry, with its reason and source. */
    public record Correction(String recordId, String command, String effectiveDate, String previousEffectiveDate,
                             String reason, Source source, String recordedBy, Instant recordedAt) {
    }
}
