package org.coalitionledger.it;

import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An application of a test class's own under the {@code oidc} profile (with the database's profile), signing in
 * through the {@link TestOidcProvider}, named "Test provider" on the login page.
 */
@ActiveProfiles("oidc")
public abstract class OidcLedgerHttpTest extends OwnLedgerHttpTest {

    public static final String PROVIDER_NAME = "Test provider";

    @DynamicPropertySource
    static void signOn(DynamicPropertyRegistry registry) {
        registry.add("ledger.oidc.issuer-uri", TestOidcProvider::issuer);
        registry.add("ledger.oidc.client-id", () -> TestOidcProvider.CLIENT_ID);
        registry.add("ledger.oidc.client-secret", () -> TestOidcProvider.CLIENT_SECRET);
        registry.add("ledger.oidc.provider-name", () -> PROVIDER_NAME);
    }
}
