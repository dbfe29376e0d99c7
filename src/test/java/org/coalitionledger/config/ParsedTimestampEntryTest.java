package org.coalitionledger.config;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ParsedTimestampEntryTest {

    private static final String STORED = "2024-02-14T09:30:00.123Z";

    @Test
    void aTrackedEventKeepsEverythingAxonReadAndItsTime() {
        TrackedEventData<?> axon = new TrackedDomainEventData<>(new GlobalSequenceTrackingToken(42),
                new GenericDomainEventEntry<>("Coalition", "it", 7, "event-1", STORED, "Joined", null, new byte[]{1},
                                              new byte[]{2}));

        TrackedEventData<?> ours = ParsedTimestampEntry.of(axon, STORED);

        assertThat(ours).isNotSameAs(axon).isInstanceOf(ParsedTimestampEntry.class);
        var entry = (ParsedTimestampEntry<?>) ours;
        assertThat(entry.trackingToken()).isEqualTo(new GlobalSequenceTrackingToken(42));
        assertThat(entry.getTimestamp()).isEqualTo(axon.getTimestamp()).isEqualTo(Instant.parse(STORED));
        assertThat(entry.getType()).isEqualTo("Coalition");
        assertThat(entry.getAggregateIdentifier()).isEqualTo("it");
        assertThat(entry.getSequenceNumber()).isEqualTo(7);
        assertThat(entry.getEventIdentifier()).isEqualTo("event-1");
        assertThat(entry.getPayload().getType().getName()).isEqualTo("Joined");
        assertThat(entry.getPayload().getData()).isEqualTo(new byte[]{1});
        assertThat(entry.getMetaData().getData()).isEqualTo(new byte[]{2});
    }

    @Test
    void anAggregatesEventHasNoToken() {
        DomainEventData<?> axon = new GenericDomainEventEntry<>("Coalition", "it", 7, "event-1", STORED, "Joined",
                                                                null, new byte[]{1}, new byte[]{2});

        var entry = (ParsedTimestampEntry<?>) ParsedTimestampEntry.of(axon, STORED);

        assertThat(entry.trackingToken()).isNull();
        assertThat(entry.getTimestamp()).isEqualTo(axon.getTimestamp());
    }

    @Test
    void aTimeNotStoredAsTextIsLeftToAxon() {
        var axon = new GenericDomainEventEntry<>("Coalition", "it", 7, "event-1", Instant.parse(STORED), "Joined",
                                                 null, new byte[]{1}, new byte[]{2});

        assertThat(ParsedTimestampEntry.of(axon, Instant.parse(STORED))).isSameAs(axon);
    }
}
