package org.coalitionledger.config;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class BoundedReadAheadTest {

    /** A backlog without end is read by the store's reader at most MOST events at a time, lazily. */
    @Test
    void theReadersStreamEndsAfterTheMost() {
        EventStorageEngine engine = mock(EventStorageEngine.class);
        AtomicLong made = new AtomicLong();
        when(engine.readEvents(any(), anyBoolean())).thenAnswer(call -> Stream.generate(() -> {
            long index = made.incrementAndGet();
            return (TrackedEventMessage<?>) new GenericTrackedEventMessage<>(
                    new GlobalSequenceTrackingToken(index), GenericEventMessage.asEventMessage("event " + index));
        }));
        BoundedReadAhead bounded = new BoundedReadAhead(engine);

        assertThat(bounded.readEvents(null, true).count()).isEqualTo(BoundedReadAhead.MOST);
        assertThat(made.get()).isEqualTo(BoundedReadAhead.MOST);
        // a processor's own stream (mayBlock false) is read on by Axon, never reopened: it is not cut
        long beyond = 2L * BoundedReadAhead.MOST;
        assertThat(bounded.readEvents(new GlobalSequenceTrackingToken(3), false).limit(beyond).count())
                .isEqualTo(beyond);
        assertThat(made.get()).isEqualTo(BoundedReadAhead.MOST + beyond);
    }

    @Test
    void appendsAndAggregateReadsGoToTheEngineUnchanged() {
        EventStorageEngine engine = mock(EventStorageEngine.class);
        BoundedReadAhead bounded = new BoundedReadAhead(engine);
        List<EventMessage<?>> events = List.of(GenericEventMessage.asEventMessage("joined"));
        bounded.appendEvents(events);
        bounded.readEvents("it-coalition", 4);
        bounded.lastSequenceNumberFor("it-coalition");
        verify(engine).appendEvents(events);
        verify(engine).readEvents("it-coalition", 4);
        verify(engine).lastSequenceNumberFor("it-coalition");
    }
}
