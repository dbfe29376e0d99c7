package org.coalitionledger.correction.command;

import org.coalitionledger.common.Checks;
import org.coalitionledger.common.Source;

import java.time.LocalDate;

/**
 * Corrects the effective date (and with it the precision) of a recorded act. History is not rewritten: the
 * correction is a record of its own, with its reason and source; answers known before it still see the old date.
 *
 * @param recordId     the record being corrected
 * @param correctionId the id of this correction's own record, given by the system
 */
public record CorrectRecord(String recordId, String effectiveDate, String reason, Source source,
                            String correctionId) {

    /** What every correction needs, whichever aggregate holds the record; the date is that aggregate's to check. */
    public void checkInput(LocalDate today) {
        Checks.text("correctionId", correctionId, Checks.MAX_ID);
        Checks.text("reason", reason, Checks.MAX_NOTES);
        Checks.source(source, today);
    }
}
