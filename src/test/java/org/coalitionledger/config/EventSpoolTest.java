package org.coalitionledger.config;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.coalitionledger.common.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EventSpoolTest {

    @TempDir
    Path directory;

    /** An event as the application's serializer stores it, and the order of events, records and command ends. */
    @Test
    void eventsRecordsAndCommandEndsComeBackInOrderAsStored() throws Exception {
        Instant at = Instant.parse("2024-02-14T10:15:30.123456789Z");
        Source payload = new Source("Treaty series", null, null, null, null);
        var event = new GenericDomainEventMessage<>("Coalition", "it-coalition", 3, payload,
                                                    MetaData.with("recordedBy", "rita"), "event-1", at);
        List<String> seen = new ArrayList<>();
        try (EventSpool spool = new EventSpool(directory, AxonConfig.jackson())) {
            spool.event(event);
            spool.record("record-1", "Coalition", "it-coalition");
            spool.commandEnd();
            assertThat(spool.events()).isEqualTo(1);
            spool.replay(new EventSpool.Reader() {
                @Override
                public void event(EventSpool.StagedEvent staged) {
                    assertThat(staged.eventId()).isEqualTo("event-1");
                    assertThat(staged.aggregateId()).isEqualTo("it-coalition");
                    assertThat(staged.sequenceNumber()).isEqualTo(3);
                    assertThat(staged.type()).isEqualTo("Coalition");
                    assertThat(staged.timestamp()).isEqualTo(at);
                    assertThat(staged.payloadType()).isEqualTo(Source.class.getName());
                    assertThat(new String(staged.payload(), StandardCharsets.UTF_8))
                            .contains("\"title\":\"Treaty series\"");
                    assertThat(new String(staged.metaData(), StandardCharsets.UTF_8))
                            .contains("\"recordedBy\":\"rita\"");
                    seen.add("event");
                }

                @Override
                public void record(String recordId, String aggregateType, String aggregateId) {
                    assertThat(List.of(recordId, aggregateType, aggregateId))
                            .containsExactly("record-1", "Coalition", "it-coalition");
                    seen.add("record");
                }

                @Override
                public void commandEnd() {
                    seen.add("end");
                }
            });
        }
        assertThat(seen).containsExactly("event", "record", "end");
        try (var files = Files.list(directory)) {
            assertThat(files).isEmpty();
        }
    }
}
