package org.coalitionledger.config;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.messaging.timeout.HandlerTimeoutHandlerEnhancerDefinition;
import org.coalitionledger.it.LedgerHttpTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Axon settings that performance.md says were worth having, checked on the running application. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class AxonSettingsTest {

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("ledger.data-dir", LedgerHttpTestSupport.oneFreshDataDir());
    }

    @Autowired
    ApplicationContext context;

    /**
     * Axon's handler and unit-of-work timeouts stay off: they would cut a large import (one unit of work) short, and
     * they schedule a timer for every command and every event handled.
     */
    @Test
    void noHandlerIsWrappedInATimeout() {
        assertThat(context.getBeansOfType(HandlerTimeoutHandlerEnhancerDefinition.class)).isEmpty();
        assertThat(context.getEnvironment().getProperty("axon.timeout.enabled")).isEqualTo("false");
    }

    /** The three projections read the event store through the lingering source, so steady writes arrive batched. */
    @Test
    void projectionsReadThroughTheLingeringSource() {
        EventProcessingConfiguration processing = context.getBean(EventProcessingConfiguration.class);
        LingeringEventSource lingering = context.getBean(LingeringEventSource.class);
        for (String group : List.of("membership", "commitments", "history")) {
            TrackingEventProcessor processor = processing.eventProcessor(group, TrackingEventProcessor.class)
                    .orElseThrow();
            assertThat(processor.getMessageSource()).as(group).isSameAs(lingering);
        }
    }

    /** Every projection's processor has a thread more than its segments ({@link ProcessorThreads}). */
    @Test
    void everyProjectionHasASpareThread() {
        EventProcessingConfiguration processing = context.getBean(EventProcessingConfiguration.class);
        int segments = context.getEnvironment().getRequiredProperty("ledger.projections.segments", Integer.class);
        for (String group : List.of("membership", "commitments", "history", "reviews")) {
            TrackingEventProcessor processor = processing.eventProcessor(group, TrackingEventProcessor.class)
                    .orElseThrow();
            assertThat(processor.maxCapacity()).as(group).isEqualTo(segments + 1);
        }
    }
}
