package org.coalitionledger.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/**
 * Each projection declares its repositories next to it as nested interfaces, so that its tables stay private to
 * it; Spring Data is told to look for them there.
 */
@Configuration(proxyBeanMethods = false)
@EnableJpaRepositories(basePackages = "org.coalitionledger", considerNestedRepositories = true)
class PersistenceConfig {
}
