package org.coalitionledger.it;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A test class that adds no settings of its own runs on the one application (and database) that all such classes
 * share in a test run: Spring caches its context, so it starts once per run and per database. Each test works on
 * ids of its own ({@link #uniqueId}, {@link #example(String)}) and counts only its own events
 * ({@link #eventCount(String)}); nothing may rely on an empty ledger.
 * <p>
 * (A class with settings of its own extends {@link LedgerHttpTestSupport} instead: the registration here would
 * override its own, as Spring calls a superclass's {@code @DynamicPropertySource} methods after a subclass's.)
 */
public abstract class SharedLedgerHttpTest extends LedgerHttpTestSupport {

    @DynamicPropertySource
    static void sharedDatabase(DynamicPropertyRegistry registry) {
        TestDatabase.registerShared(registry);
    }
}
