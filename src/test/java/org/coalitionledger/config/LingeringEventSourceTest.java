package org.coalitionledger.config;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LingeringEventSourceTest {

    private final List<Long> pauses = new ArrayList<>();

    @Test
    void pausesOnceAnAwaitedEventHasArrived() throws Exception {
        FakeStream store = new FakeStream();
        store.arrivesWhileWaiting = event(1);
        var stream = new LingeringEventSource.Lingering(store, 5_000_000, pauses::add);

        assertThat(stream.hasNextAvailable(1_000, TimeUnit.MILLISECONDS)).isTrue();

        assertThat(pauses).containsExactly(5_000_000L);
        assertThat(store.waits).isEqualTo(1);
        assertThat(stream.nextAvailable().trackingToken()).isEqualTo(new GlobalSequenceTrackingToken(1));
    }

    @Test
    void neverPausesAProcessorThatIsBehind() throws Exception {
        FakeStream store = new FakeStream();
        store.events.add(event(1));
        var stream = new LingeringEventSource.Lingering(store, 5_000_000, pauses::add);

        assertThat(stream.hasNextAvailable(1_000, TimeUnit.MILLISECONDS)).isTrue();

        assertThat(pauses).isEmpty();
        assertThat(store.waits).isZero();
    }

    @Test
    void doesNotPauseWhenNothingCame() throws Exception {
        FakeStream store = new FakeStream();
        var stream = new LingeringEventSource.Lingering(store, 5_000_000, pauses::add);

        assertThat(stream.hasNextAvailable(1_000, TimeUnit.MILLISECONDS)).isFalse();
        assertThat(stream.hasNextAvailable()).isFalse();

        assertThat(pauses).isEmpty();
    }

    @Test
    void aLookWithoutWaitingNeverPauses() throws Exception {
        FakeStream store = new FakeStream();
        store.arrivesWhileWaiting = event(1);
        var stream = new LingeringEventSource.Lingering(store, 5_000_000, pauses::add);

        assertThat(stream.hasNextAvailable(0, TimeUnit.MILLISECONDS)).isFalse();
        assertThat(stream.hasNextAvailable()).isFalse();

        assertThat(pauses).isEmpty();
        assertThat(store.waits).isZero();
    }

    @Test
    void noLingerGivesTheStoresOwnStream() {
        FakeStream store = new FakeStream();
        var source = new LingeringEventSource(new FakeSource(store), Duration.ZERO);

        assertThat(source.openStream(null)).isSameAs(store);
        assertThat(new LingeringEventSource(new FakeSource(store), Duration.ofMillis(5)).openStream(null))
                .isInstanceOf(LingeringEventSource.Lingering.class);
    }

    @Test
    void aNegativeLingerIsRefusedByName() {
        assertThatThrownBy(() -> new LingeringEventSource(new FakeSource(new FakeStream()), Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ledger.projections.linger");
    }

    private static TrackedEventMessage<?> event(long index) {
        return new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(index),
                                                GenericEventMessage.asEventMessage("event " + index));
    }

    /** A stream whose next event is either there already or arrives during the first blocking wait. */
    private static final class FakeStream implements BlockingStream<TrackedEventMessage<?>> {

        final Deque<TrackedEventMessage<?>> events = new ArrayDeque<>();
        TrackedEventMessage<?> arrivesWhileWaiting;
        int waits;

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return Optional.ofNullable(events.peekFirst());
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) {
            if (timeout > 0 && events.isEmpty() && arrivesWhileWaiting != null) {
                waits++;
                events.add(arrivesWhileWaiting);
                arrivesWhileWaiting = null;
            }
            return !events.isEmpty();
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() {
            return events.removeFirst();
        }

        @Override
        public void close() {
        }
    }

    private record FakeSource(FakeStream stream) implements StreamableMessageSource<TrackedEventMessage<?>> {
        @Override
        public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
            return stream;
        }
    }
}
