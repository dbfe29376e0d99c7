package org.coalitionledger.it;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * For a test class that needs an application of its own (it stops the database, writes a rebuild row, moves the
 * clock or changes settings): a fresh data directory and, on PostgreSQL, a fresh database, closed after its tests.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public abstract class OwnLedgerHttpTest extends LedgerHttpTestSupport {

    @DynamicPropertySource
    static void ownApplication(DynamicPropertyRegistry registry) {
        TestDatabase.registerFresh(registry);
    }
}
