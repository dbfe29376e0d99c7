package org.coalitionledger.config;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The projections' processors' monitors: the meters Axon's dimensional Micrometer set-up gives them
 * ({@code eventProcessor.*}, tagged {@code processorName}, and {@code payloadType} but for the latency), with the same
 * names, tags and meaning, at a fraction of the cost, and with capacity measured over
 * {@value #CAPACITY_WINDOW_SECONDS} s instead of 10 s.
 * <p>
 * Why not Axon's four monitors: each looks its meters up in the registry for every event (Axon's take eleven look-ups
 * between them, each hashing a meter id of name and tags), and every thread of a processor takes in every event,
 * those of other segments as ignored. Catching up an import, that was a third of the projections' CPU
 * (docs/performance.md, "The projections' meters"). Here each processor's meters are looked up once per payload type
 * and kept. Axon's capacity monitor also kept one entry per event per thread for its whole window (over 300 MB while
 * a projection caught up a million events, "The import in a small heap"); here the window is ten buckets of a tenth
 * of it, so it takes no memory per event.
 */
final class ProcessorMonitors implements ConfigurerModule {

    /** The window over which a processor's capacity is measured, in seconds. */
    static final long CAPACITY_WINDOW_SECONDS = 1;
    private static final String PREFIX = "eventProcessor";

    private final MeterRegistry registry;

    ProcessorMonitors(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void configureModule(Configurer configurer) {
        configurer.configureMessageMonitor(EventProcessor.class, (configuration, componentType, name) ->
                new Meters(registry, name, registry.config().clock(), Duration.ofSeconds(CAPACITY_WINDOW_SECONDS)));
    }

    /** After Axon's own metrics module, whose monitors for event processors these replace. */
    @Override
    public int order() {
        return Integer.MAX_VALUE;
    }

    /**
     * One processor's meters: Axon's {@code MessageCountingMonitor}, {@code MessageTimerMonitor},
     * {@code EventProcessorLatencyMonitor} and {@code CapacityMonitor} in one, each meter looked up once.
     */
    static final class Meters implements MessageMonitor<Message<?>> {

        private final MeterRegistry registry;
        private final String processor;
        private final Clock clock;
        private final Duration window;
        private final Map<Class<?>, ByType> byType = new ConcurrentHashMap<>();
        private final AtomicLong latency = new AtomicLong();

        Meters(MeterRegistry registry, String processor, Clock clock, Duration window) {
            this.registry = registry;
            this.processor = processor;
            this.clock = clock;
            this.window = window;
            Gauge.builder(PREFIX + ".latency", latency::get).tags("processorName", processor).register(registry);
        }

        @Override
        public MonitorCallback onMessageIngested(Message<?> message) {
            if (message instanceof EventMessage<?> event) {
                latency.set(clock.wallTime() - event.getTimestamp().toEpochMilli());
            }
            ByType meters = byType.computeIfAbsent(message.getPayloadType(), this::register);
            meters.ingested().increment();
            long start = clock.monotonicTime();
            return new MonitorCallback() {
                @Override
                public void reportSuccess() {
                    meters.done(meters.success(), meters.successTimer(), start, clock.monotonicTime());
                }

                @Override
                public void reportFailure(Throwable cause) {
                    meters.done(meters.failure(), meters.failureTimer(), start, clock.monotonicTime());
                }

                @Override
                public void reportIgnored() {
                    meters.ignored().increment();
                    meters.time(meters.ignoredTimer(), start, clock.monotonicTime());
                }
            };
        }

        private ByType register(Class<?> payloadType) {
            Tags tags = Tags.of("processorName", processor, "payloadType", payloadType.getSimpleName());
            BusyTime busy = new BusyTime(window);
            Gauge.builder(PREFIX + ".capacity", () -> busy.share(clock.monotonicTime())).tags(tags).register(registry);
            return new ByType(counter("ingestedCounter", tags), counter("successCounter", tags),
                              counter("failureCounter", tags), counter("processedCounter", tags),
                              counter("ignoredCounter", tags), timer("allTimer", tags), timer("successTimer", tags),
                              timer("failureTimer", tags), timer("ignoredTimer", tags), busy);
        }

        private Counter counter(String name, Tags tags) {
            return registry.counter(PREFIX + "." + name, tags);
        }

        /** Built as Axon's {@code MessageTimerMonitor} builds its timers. */
        private Timer timer(String name, Tags tags) {
            return Timer.builder(PREFIX + "." + name)
                    .distributionStatisticExpiry(Duration.ofMinutes(10))
                    .publishPercentiles(0.5, 0.75, 0.95, 0.98, 0.99, 0.999)
                    .tags(tags)
                    .register(registry);
        }

        /** The meters of one payload type, looked up once. */
        private record ByType(Counter ingested, Counter success, Counter failure, Counter processed, Counter ignored,
                              Timer all, Timer successTimer, Timer failureTimer, Timer ignoredTimer, BusyTime busy) {

            void done(Counter outcome, Timer outcomeTimer, long start, long now) {
                processed.increment();
                outcome.increment();
                time(outcomeTimer, start, now);
            }

            void time(Timer outcomeTimer, long start, long now) {
                long nanos = now - start;
                all.record(nanos, TimeUnit.NANOSECONDS);
                outcomeTimer.record(nanos, TimeUnit.NANOSECONDS);
                busy.add(now, nanos);
            }
        }
    }

    /**
     * Busy time over a sliding window, in ten buckets of a tenth of it: the share of the window spent handling
     * messages (summed over threads, so a processor with several threads can exceed 1, as with Axon's monitor). The
     * window slides a bucket at a time. A bucket being cleared for reuse may lose an add racing with the clearing:
     * a gauge's approximation, never a count.
     */
    static final class BusyTime {

        private static final int BUCKETS = 10;

        private final long bucketNanos;
        private final AtomicLongArray busy = new AtomicLongArray(BUCKETS);
        private final AtomicLongArray bucketOf = new AtomicLongArray(BUCKETS);

        BusyTime(Duration window) {
            this.bucketNanos = Math.max(1, window.toNanos() / BUCKETS);
            for (int i = 0; i < BUCKETS; i++) {
                bucketOf.set(i, Long.MIN_VALUE);
            }
        }

        void add(long now, long nanos) {
            long bucket = now / bucketNanos;
            int slot = (int) Math.floorMod(bucket, (long) BUCKETS);
            long held = bucketOf.get(slot);
            if (held != bucket && bucketOf.compareAndSet(slot, held, bucket)) {
                busy.set(slot, 0);
            }
            busy.addAndGet(slot, nanos);
        }

        double share(long now) {
            long bucket = now / bucketNanos;
            long sum = 0;
            for (int slot = 0; slot < BUCKETS; slot++) {
                long held = bucketOf.get(slot);
                if (held <= bucket && bucket - held < BUCKETS) {
                    sum += busy.get(slot);
                }
            }
            return (double) sum / (bucketNanos * BUCKETS);
        }
    }
}
