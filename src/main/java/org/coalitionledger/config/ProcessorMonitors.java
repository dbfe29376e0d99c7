package org.coalitionledger.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.CapacityMonitor;
import org.axonframework.micrometer.EventProcessorLatencyMonitor;
import org.axonframework.micrometer.MessageCountingMonitor;
import org.axonframework.micrometer.MessageTimerMonitor;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The projections' processors' monitors: the meters Axon's dimensional Micrometer set-up gives them
 * ({@code eventProcessor_*}, tagged {@code processorName} and {@code payloadType}), with one difference: capacity is
 * measured over {@value #CAPACITY_WINDOW_SECONDS} s instead of 10 s.
 * <p>
 * Axon's capacity monitor keeps one entry per message each processor thread takes in, for the whole window, and
 * every thread of a processor takes in every event (each keeps those of its segment). While a projection catches up
 * a million events (after an import, or in a rebuild), 16 threads reading tens of thousands of events a second kept
 * four million entries, over 300 MB, and ran a 512 MB heap out of memory (docs/performance.md, "The import in a
 * small heap"). A shorter window bounds that tenfold; capacity still reads as the share of the last second busy.
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
        configurer.configureMessageMonitor(EventProcessor.class, (configuration, componentType, name) -> {
            Function<Message<?>, Iterable<Tag>> byType = message -> Tags.of(
                    "processorName", name, "payloadType", message.getPayloadType().getSimpleName());
            Function<Message<?>, Iterable<Tag>> byProcessor = message -> Tags.of("processorName", name);
            MessageMonitor<EventMessage<?>> monitors = new MultiMessageMonitor<>(List.of(
                    MessageTimerMonitor.buildMonitor(PREFIX, registry, byType),
                    EventProcessorLatencyMonitor.builder().meterNamePrefix(PREFIX).meterRegistry(registry)
                            .tagsBuilder(byProcessor).build(),
                    CapacityMonitor.buildMonitor(PREFIX, registry, CAPACITY_WINDOW_SECONDS, TimeUnit.SECONDS, byType),
                    MessageCountingMonitor.buildMonitor(PREFIX, registry, byType)));
            // Axon asks for a monitor of any message; an event processor's monitors only ever see events
            @SuppressWarnings({"unchecked", "rawtypes"})
            MessageMonitor<Message<?>> anyMessage = (MessageMonitor) monitors;
            return anyMessage;
        });
    }

    /** After Axon's own metrics module, whose monitors for event processors these replace. */
    @Override
    public int order() {
        return Integer.MAX_VALUE;
    }
}
