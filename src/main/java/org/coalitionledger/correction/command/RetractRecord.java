package org.coalitionledger.correction.command;

import org.coalitionledger.common.Checks;
import org.coalitionledger.common.Source;

import java.time.LocalDate;

/**
 * Retracts a recorded act: it stops counting for every answer known at or after the retraction, and still counts
 * before it.
 *
 * @param recordId     the record being retracted
 * @param retractionId the id of this retraction's own record, given by the system
 */
public record RetractRecord(String recordId, String reason, Source source, String retractionId) {

    /** What every retraction needs, whichever aggregate holds the record. */
    public void checkInput(LocalDate today) {
        Checks.text("retractionId", retractionId, Checks.MAX_ID);
        Checks.text("reason", reason, Checks.MAX_NOTES);
        Checks.source(source, today);
    }
}
