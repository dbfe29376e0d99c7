package org.coalitionledger.config;

import org.axonframework.messaging.timeout.HandlerTimeoutHandlerEnhancerDefinition;
import org.coalitionledger.it.LedgerHttpTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Axon's handler and unit-of-work timeouts stay off: they would cut a large import (one unit of work) short, and
 * they schedule a timer for every command and every event handled (performance.md).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class AxonTimeoutsOffTest {

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("ledger.data-dir", LedgerHttpTestSupport.oneFreshDataDir());
    }

    @Autowired
    ApplicationContext context;

    @Test
    void noHandlerIsWrappedInATimeout() {
        assertThat(context.getBeansOfType(HandlerTimeoutHandlerEnhancerDefinition.class)).isEmpty();
        assertThat(context.getEnvironment().getProperty("axon.timeout.enabled")).isEqualTo("false");
    }
}
