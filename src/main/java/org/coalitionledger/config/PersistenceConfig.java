package org.coalitionledger.config;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.orm.jpa.EntityManagerFactoryBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.data.repository.config.BootstrapMode;

/**
 * Each projection declares its repositories next to it as nested interfaces, so that its tables stay private to
 * it; Spring Data is told to look for them there.
 *
 * <p>Start-up (docs/performance.md, "Start-up"): a repository is made at its first use ({@link BootstrapMode#LAZY}),
 * so parsing and checking its queries, seconds at start on two cores, waits until a projection or a read needs it;
 * meanwhile Hibernate starts on the application's task executor while the rest of the context is built, as Spring
 * Boot does for lazy repositories it configures itself.
 */
@Configuration(proxyBeanMethods = false)
@EnableJpaRepositories(basePackages = "org.coalitionledger", considerNestedRepositories = true,
        bootstrapMode = BootstrapMode.LAZY)
class PersistenceConfig {

    @Bean
    EntityManagerFactoryBuilderCustomizer hibernateInBackground(
            @Qualifier("applicationTaskExecutor") AsyncTaskExecutor applicationTaskExecutor) {
        return builder -> builder.setBootstrapExecutor(applicationTaskExecutor);
    }
}
