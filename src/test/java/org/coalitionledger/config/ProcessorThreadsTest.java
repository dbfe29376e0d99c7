package org.coalitionledger.config;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.axonframework.springboot.EventProcessorProperties;
import org.coalitionledger.it.QuietLoggers;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessorThreadsTest {

    private static final int SEGMENTS = 4;

    @Test
    void aTrackingProcessorGetsOneThreadMoreThanItsSegments() {
        EventProcessorProperties properties = properties("membership", EventProcessorProperties.Mode.TRACKING);
        new ProcessorThreads(new MockEnvironment()).postProcessBeforeInitialization(properties, "properties");
        assertThat(properties.getProcessors().get("membership").getThreadCount()).isEqualTo(SEGMENTS + 1);
    }

    @Test
    void aThreadCountSetByTheOperatorIsKept() {
        EventProcessorProperties properties = properties("membership", EventProcessorProperties.Mode.TRACKING);
        properties.getProcessors().get("membership").setThreadCount(2);
        MockEnvironment environment = new MockEnvironment()
                .withProperty("axon.eventhandling.processors.membership.thread-count", "2");
        new ProcessorThreads(environment).postProcessBeforeInitialization(properties, "properties");
        assertThat(properties.getProcessors().get("membership").getThreadCount()).isEqualTo(2);
    }

    /**
     * The Axon behaviour the spare thread avoids: a processor stopped while its launcher claims segments. With one
     * thread per segment, Axon 4.13 sometimes loses a thread this way (the assertion below fails within about ten
     * rounds when the processor gets {@code SEGMENTS} threads); with the spare thread every stop gives every thread
     * back.
     */
    @Test
    void aProcessorStoppedWhileItClaimsSegmentsKeepsEveryThread() throws InterruptedException {
        TrackingEventProcessor processor = processor(SEGMENTS + 1);
        List<String> lost = new ArrayList<>();
        // a worker stopped before its event stream is open may log Axon's own NullPointerException: provoked here
        try (QuietLoggers quiet = QuietLoggers.of(TrackingEventProcessor.class.getName())) {
            for (int round = 0; round < 40; round++) {
                processor.start();
                Thread.sleep(2 + round % 20);
                processor.shutDown();
                if (!everyThreadBack(processor)) {
                    lost.add("round " + round + ": " + processor.availableProcessorThreads() + " of "
                                     + processor.maxCapacity() + " threads left");
                    break;
                }
            }
        }
        assertThat(lost).isEmpty();
    }

    /**
     * Whether the stopped processor has all its threads back. A worker leaves the processor's list of threads just
     * before it gives its thread back, so a stop may return a moment early: a thread lost is one still missing after
     * half a second.
     */
    private static boolean everyThreadBack(TrackingEventProcessor processor) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
        while (processor.availableProcessorThreads() != processor.maxCapacity()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    private static EventProcessorProperties properties(String name, EventProcessorProperties.Mode mode) {
        EventProcessorProperties properties = new EventProcessorProperties();
        EventProcessorProperties.ProcessorSettings settings = new EventProcessorProperties.ProcessorSettings();
        settings.setMode(mode);
        settings.setInitialSegmentCount(SEGMENTS);
        properties.getProcessors().put(name, settings);
        return properties;
    }

    private static TrackingEventProcessor processor(int threads) {
        EmbeddedEventStore store = EmbeddedEventStore.builder()
                .storageEngine(new InMemoryEventStorageEngine()).build();
        EventHandlerInvoker nothing = SimpleEventHandlerInvoker.builder().eventHandlers(new Object()).build();
        return TrackingEventProcessor.builder()
                .name("threads")
                .eventHandlerInvoker(nothing)
                .messageSource(store)
                .tokenStore(new SlowClaims())
                .transactionManager(NoTransactionManager.INSTANCE)
                .rollbackConfiguration(RollbackConfigurationType.ANY_THROWABLE)
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration
                        .forParallelProcessing(threads).andInitialSegmentsCount(SEGMENTS)
                        .andTokenClaimInterval(10, TimeUnit.MILLISECONDS)
                        .andEventAvailabilityTimeout(10, TimeUnit.MILLISECONDS))
                .build();
    }

    /** Claims that take a few milliseconds, as they do on a database, so that a stop can fall among them. */
    private static final class SlowClaims extends InMemoryTokenStore {
        @Override
        public TrackingToken fetchToken(String processorName, int segment) {
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return super.fetchToken(processorName, segment);
        }
    }
}
