package org.coalitionledger.history;

import org.coalitionledger.common.Precision;
import org.coalitionledger.common.Source;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The history of a coalition: each recorded act in effective-date order. */
public record HistoryResponse(String coalition, List<Entry> entries) {

    /**
     * One recorded act. {@code details} holds what only some commands carry (a coalition's name, an agreement's
     * title and term); {@code agreement} is set for agreement acts.
     */
    public record Entry(String recordId, String command, String agreement, String party, String effectiveDate,
                        Precision precision, Map<String, Object> details, Source source, String notes,
                        String recordedBy, Instant recordedAt) {
    }
}
