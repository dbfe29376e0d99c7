package org.coalitionledger.correction.command;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.coalitionledger.common.Rejection;
import org.coalitionledger.common.Source;
import org.coalitionledger.correction.command.RecordIndex.Location;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordRoutingTest {

    private static final Source SOURCE = new Source("Report", null, "Ukrinform", "2024-02-14", null);

    private final RecordRouting routing = new RecordRouting(
            recordId -> Optional.ofNullable(Map.of("r1", new Location("Agreement", "it-agreement"),
                                                   "r2", new Location("Coalition", "it-coalition")).get(recordId)));

    private CommandMessage<?> route(Object command) {
        return routing.handle(List.of(GenericCommandMessage.asCommandMessage(command)))
                .apply(0, GenericCommandMessage.asCommandMessage(command));
    }

    @Test
    void routesACorrectionToTheAggregateHoldingTheRecord() {
        CommandMessage<?> routed = route(new CorrectRecord("r1", "2024-02-14", "day given", SOURCE, "c1"));
        assertThat(routed.getCommandName()).isEqualTo("CorrectRecord@Agreement");
        assertThat(routed.getMetaData()).containsEntry(RecordRouting.TARGET, "it-agreement");
    }

    @Test
    void routesARetractionToTheAggregateHoldingTheRecord() {
        CommandMessage<?> routed = route(new RetractRecord("r2", "wrong", SOURCE, "x1"));
        assertThat(routed.getCommandName()).isEqualTo("RetractRecord@Coalition");
        assertThat(routed.getMetaData()).containsEntry(RecordRouting.TARGET, "it-coalition");
    }

    @Test
    void cannotCorrectAnUnknownRecord() {
        assertThatThrownBy(() -> route(new CorrectRecord("r9", "2024", "x", SOURCE, "c1")))
                .isInstanceOf(Rejection.class)
                .hasMessageContaining("unknown record 'r9'")
                .extracting(e -> ((Rejection) e).reason()).isEqualTo(Rejection.Reason.NOT_FOUND);
    }

    @Test
    void leavesOtherCommandsAlone() {
        Object other = "not a correction";
        assertThat(route(other).getCommandName()).isEqualTo(String.class.getName());
    }
}
