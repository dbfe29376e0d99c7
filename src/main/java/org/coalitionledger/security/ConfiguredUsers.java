package org.coalitionledger.security;

import org.coalitionledger.security.user.UserAccounts;
import org.coalitionledger.security.user.UserStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

import java.nio.file.Path;

/**
 * Imports the users of the configuration ({@code ledger.security.users}) into the database when it does not hold them
 * yet, before the ledger serves requests; on a first start without configured users, the initial {@code admin}
 * ({@link LedgerUsers}). A user already stored is left as it is: from then on the database holds the users, managed
 * through {@code /api/admin/users}. Every user imported, at the first start or later, is recorded as a
 * {@code UserCreated} event. Another node importing the same user at the same moment wins; this one then leaves it
 * (and records nothing).
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ConfiguredUsers implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(ConfiguredUsers.class);

    private final SecurityProperties properties;
    private final UserAccounts accounts;
    private final UserStore store;
    private final Path dataDir;

    ConfiguredUsers(SecurityProperties properties, UserAccounts accounts, UserStore store,
                    @Value("${ledger.data-dir}") String dataDir) {
        this.properties = properties;
        this.accounts = accounts;
        this.store = store;
        this.dataDir = Path.of(dataDir);
    }

    @Override
    public void afterSingletonsInstantiated() {
        boolean noneStored = store.all().isEmpty();
        for (LedgerUsers.Seed seed : LedgerUsers.load(properties, dataDir, noneStored)) {
            try {
                String origin = properties.users().isEmpty() ? "initial-admin" : "configuration";
                if (accounts.importUser(seed.name(), seed.hash(), seed.roles(), origin)) {
                    log.info("Imported user '{}' ({}) from the {}", seed.name(), seed.roles(), origin);
                }
            } catch (DataIntegrityViolationException raced) {
                log.info("User '{}' was imported by another node meanwhile", seed.name());
            }
        }
    }
}
