package org.coalitionledger.audit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.nio.file.Path;

/** The checkpoint key pair, read from (or created in) {@code ledger.audit.key-dir}, and the sealer's schedule. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AuditConfig {

    @Bean
    AuditKeys auditKeys(@Value("${ledger.audit.key-dir}") String keyDirectory) {
        return AuditKeys.loadOrCreate(Path.of(keyDirectory));
    }
}
