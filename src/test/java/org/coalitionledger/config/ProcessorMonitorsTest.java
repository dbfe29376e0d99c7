package org.coalitionledger.config;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.CapacityMonitor;
import org.axonframework.micrometer.EventProcessorLatencyMonitor;
import org.axonframework.micrometer.MessageCountingMonitor;
import org.axonframework.micrometer.MessageTimerMonitor;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.coalitionledger.it.QuietLoggers;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ProcessorMonitorsTest {

    private static final String PROCESSOR = "membership";
    private static final Duration SECOND = Duration.ofSeconds(1);

    @Test
    void registersTheMetersAxonsMonitorsRegisterWithTheSameCounts() {
        MockClock axonClock = new MockClock();
        SimpleMeterRegistry axon = new SimpleMeterRegistry(SimpleConfig.DEFAULT, axonClock);
        MockClock ourClock = new MockClock();
        SimpleMeterRegistry ours = new SimpleMeterRegistry(SimpleConfig.DEFAULT, ourClock);

        // Axon's latency monitor registers its gauge again for every event, and Micrometer warns of it once
        try (QuietLoggers quiet = QuietLoggers.of(MeterRegistry.class.getName())) {
            feed(axonMonitors(axon, axonClock), axonClock);
        }
        feed(new ProcessorMonitors.Meters(ours, PROCESSOR, ourClock, SECOND), ourClock);

        assertThat(ids(ours)).isEqualTo(ids(axon));
        for (Meter meter : axon.getMeters()) {
            Meter.Id id = meter.getId();
            if (meter instanceof Counter counter) {
                assertThat(ours.get(id.getName()).tags(id.getTags()).counter().count())
                        .as(id.toString()).isEqualTo(counter.count());
            } else if (meter instanceof Timer timer) {
                Timer ourTimer = ours.get(id.getName()).tags(id.getTags()).timer();
                assertThat(ourTimer.count()).as(id.toString()).isEqualTo(timer.count());
                assertThat(ourTimer.totalTime(TimeUnit.MILLISECONDS)).as(id.toString())
                        .isEqualTo(timer.totalTime(TimeUnit.MILLISECONDS));
            }
        }
        assertThat(ours.get("eventProcessor.ingestedCounter").tags("payloadType", "String").counter().count())
                .isEqualTo(3);
        assertThat(ours.get("eventProcessor.ignoredCounter").tags("payloadType", "String").counter().count())
                .isEqualTo(1);
        assertThat(ours.get("eventProcessor.failureCounter").tags("payloadType", "Integer").counter().count())
                .isEqualTo(1);
    }

    @Test
    void latencyIsTheAgeOfTheLastEventTakenIn() {
        Monitored monitored = new Monitored();
        monitored.clock.add(Duration.ofSeconds(30));

        monitored.meters.onMessageIngested(event("late", Instant.ofEpochMilli(monitored.clock.wallTime() - 4_000)))
                .reportSuccess();

        assertThat(monitored.registry.get("eventProcessor.latency").tags("processorName", PROCESSOR).gauge().value())
                .isEqualTo(4_000);
    }

    @Test
    void capacityIsTheShareOfTheWindowSpentHandlingAndSlidesOut() {
        Monitored monitored = new Monitored();

        for (int i = 0; i < 4; i++) {
            MessageMonitor.MonitorCallback callback = monitored.meters.onMessageIngested(event("busy", Instant.now()));
            monitored.clock.add(Duration.ofMillis(100));
            callback.reportSuccess();
        }
        Gauge capacity = monitored.registry.get("eventProcessor.capacity").tags("payloadType", "String").gauge();
        assertThat(capacity.value()).isCloseTo(0.4, within(1e-9));

        monitored.clock.add(Duration.ofMillis(1_100));
        assertThat(capacity.value()).isZero();
    }

    @Test
    void busyTimeForgetsABucketWhenItIsReused() {
        ProcessorMonitors.BusyTime busy = new ProcessorMonitors.BusyTime(SECOND);
        long start = 5_000_000_000L;
        busy.add(start, 50_000_000);
        busy.add(start + 1_000_000_000L, 20_000_000);   // the same bucket, a window later

        assertThat(busy.share(start + 1_000_000_000L)).isCloseTo(0.02, within(1e-9));
    }

    /** A processor's meters in a registry of their own, on a clock the test moves. */
    private static final class Monitored {
        final MockClock clock = new MockClock();
        final SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);
        final ProcessorMonitors.Meters meters = new ProcessorMonitors.Meters(registry, PROCESSOR, clock, SECOND);
    }

    /** Ingested "a" handled, 7 failed, "b" ignored, "c" handled: a second apart, each taking 5 ms. */
    private static void feed(MessageMonitor<Message<?>> monitor, MockClock clock) {
        List<EventMessage<?>> events = List.of(event("a", Instant.EPOCH), event(7, Instant.EPOCH),
                                               event("b", Instant.EPOCH), event("c", Instant.EPOCH));
        for (int i = 0; i < events.size(); i++) {
            clock.add(Duration.ofSeconds(1));
            MessageMonitor.MonitorCallback callback = monitor.onMessageIngested(events.get(i));
            clock.add(Duration.ofMillis(5));
            switch (i) {
                case 1 -> callback.reportFailure(new IllegalStateException("provoked"));
                case 2 -> callback.reportIgnored();
                default -> callback.reportSuccess();
            }
        }
    }

    /** What Axon's dimensional set-up gave each processor before {@link ProcessorMonitors}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static MessageMonitor<Message<?>> axonMonitors(SimpleMeterRegistry registry, MockClock clock) {
        Function<Message<?>, Iterable<Tag>> byType = message -> Tags.of(
                "processorName", PROCESSOR, "payloadType", message.getPayloadType().getSimpleName());
        Function<Message<?>, Iterable<Tag>> byProcessor = message -> Tags.of("processorName", PROCESSOR);
        return (MessageMonitor) new MultiMessageMonitor<>(List.of(
                MessageTimerMonitor.buildMonitor("eventProcessor", registry, clock, byType),
                EventProcessorLatencyMonitor.builder().meterNamePrefix("eventProcessor").meterRegistry(registry)
                        .tagsBuilder(byProcessor).clock(clock).build(),
                CapacityMonitor.buildMonitor("eventProcessor", registry, 1, TimeUnit.SECONDS, clock, byType),
                MessageCountingMonitor.buildMonitor("eventProcessor", registry, byType)));
    }

    private static Set<String> ids(SimpleMeterRegistry registry) {
        Set<String> ids = new TreeSet<>();
        registry.getMeters().forEach(meter -> ids.add(meter.getId().getName() + meter.getId().getTags()
                + meter.getId().getType()));
        return ids;
    }

    private static EventMessage<?> event(Object payload, Instant at) {
        return new GenericEventMessage<>(UUID.randomUUID().toString(), payload, Map.of(), at);
    }
}
