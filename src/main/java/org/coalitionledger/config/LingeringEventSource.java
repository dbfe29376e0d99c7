package org.coalitionledger.config;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The event store as the projections' tracking processors read it: when a processor has caught up and has to wait
 * for the next event, it waits a further {@code linger} once that event has come, so that the events written
 * meanwhile reach it in the same batch. A processor that is behind is never held up: it finds its next event at once
 * and reads on. Without the pause, steady single writes gave every projection segment a batch, a transaction and a
 * token update per event, which cost the writers more than their own commands (docs/performance.md); with it a
 * write becomes visible at most {@code linger} later.
 */
final class LingeringEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private final StreamableMessageSource<TrackedEventMessage<?>> events;
    private final long lingerNanos;

    LingeringEventSource(StreamableMessageSource<TrackedEventMessage<?>> events, Duration linger) {
        if (linger.isNegative()) {
            throw new IllegalArgumentException("ledger.projections.linger must not be negative, was " + linger);
        }
        this.events = events;
        this.lingerNanos = linger.toNanos();
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        BlockingStream<TrackedEventMessage<?>> stream = events.openStream(trackingToken);
        return lingerNanos == 0 ? stream : new Lingering(stream, lingerNanos, TimeUnit.NANOSECONDS::sleep);
    }

    @Override
    public TrackingToken createTailToken() {
        return events.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return events.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return events.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return events.createTokenSince(duration);
    }

    /** How the stream pauses: {@code TimeUnit.NANOSECONDS::sleep}, or a recorder in tests. */
    interface Pause {
        void nanos(long nanos) throws InterruptedException;
    }

    /** A stream that pauses once an awaited event has arrived; everything else is the store's stream. */
    static final class Lingering implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> stream;
        private final long lingerNanos;
        private final Pause pause;

        Lingering(BlockingStream<TrackedEventMessage<?>> stream, long lingerNanos, Pause pause) {
            this.stream = stream;
            this.lingerNanos = lingerNanos;
            this.pause = pause;
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            if (stream.hasNextAvailable()) {
                return true;
            }
            if (timeout <= 0 || !stream.hasNextAvailable(timeout, unit)) {
                return false;
            }
            pause.nanos(lingerNanos);
            return true;
        }

        @Override
        public boolean hasNextAvailable() {
            return stream.hasNextAvailable();
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return stream.peek();
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return stream.nextAvailable();
        }

        @Override
        public void close() {
            stream.close();
        }

        @Override
        public Stream<TrackedEventMessage<?>> asStream() {
            return stream.asStream();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> message) {
            stream.skipMessagesWithPayloadTypeOf(message);
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            return stream.setOnAvailableCallback(callback);
        }
    }
}
