package org.coalitionledger.correction.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.Configuration;
import org.coalitionledger.agreement.command.Agreement;
import org.coalitionledger.coalition.command.Coalition;
import org.coalitionledger.coalition.command.CoalitionDirectory;
import org.coalitionledger.common.Checks;
import org.coalitionledger.common.Rejection;
import org.coalitionledger.common.Source;
import org.coalitionledger.common.Text;
import org.coalitionledger.correction.command.RecordIndex.Location;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Routes a correction or retraction to the aggregate that holds the record, which decides whether it is allowed.
 */
@Component
class RecordCorrectionHandler {

    private final RecordIndex index;
    private final ObjectProvider<Configuration> axon;

    RecordCorrectionHandler(RecordIndex index, ObjectProvider<Configuration> axon) {
        this.index = index;
        this.axon = axon;
    }

    @CommandHandler
    String handle(CorrectRecord command, CoalitionDirectory directory) {
        checkInput("correctionId", command.correctionId(), command.reason(), command.source());
        Location location = locate(command.recordId());
        if (location.aggregateType().equals(Agreement.class.getSimpleName())) {
            return axon.getObject().repository(Agreement.class).load(location.aggregateId())
                    .invoke(agreement -> agreement.correct(command, directory));
        }
        return axon.getObject().repository(Coalition.class).load(location.aggregateId())
                .invoke(coalition -> coalition.correct(command));
    }

    @CommandHandler
    String handle(RetractRecord command) {
        checkInput("retractionId", command.retractionId(), command.reason(), command.source());
        Location location = locate(command.recordId());
        if (location.aggregateType().equals(Agreement.class.getSimpleName())) {
            return axon.getObject().repository(Agreement.class).load(location.aggregateId())
                    .invoke(agreement -> agreement.retract(command));
        }
        return axon.getObject().repository(Coalition.class).load(location.aggregateId())
                .invoke(coalition -> coalition.retract(command));
    }

    /** What every correction and retraction needs, whichever aggregate holds the record; the date is theirs. */
    private static void checkInput(String idField, String newRecordId, String reason, Source source) {
        Checks.text(idField, newRecordId, Checks.MAX_ID);
        Checks.text("reason", reason, Checks.MAX_NOTES);
        Checks.source(source);
    }

    private Location locate(String recordId) {
        Checks.text("recordId", recordId, Checks.MAX_ID);
        return index.locate(recordId).orElseThrow(
                () -> Rejection.notFound("recordId", "unknown record '" + Text.clip(recordId) + "'"));
    }
}
