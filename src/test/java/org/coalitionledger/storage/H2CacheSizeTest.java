package org.coalitionledger.storage;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class H2CacheSizeTest {

    private static final long MIB = 1024 * 1024;

    @Test
    void aQuarterOfTheHeapAtMost256MiB() {
        assertThat(H2CacheSize.forHeap(512 * MIB)).isEqualTo(128 * 1024);
        assertThat(H2CacheSize.forHeap(1024 * MIB)).isEqualTo(256 * 1024);
        assertThat(H2CacheSize.forHeap(8192 * MIB)).isEqualTo(256 * 1024);
    }

    @Test
    void aSizeSetIsKept() {
        MockEnvironment environment = new MockEnvironment().withProperty("ledger.h2.cache-kib", "4096");
        new H2CacheSize().postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("ledger.h2.cache-kib")).isEqualTo("4096");
    }

    @Test
    void unsetItFollowsThisHeap() {
        StandardEnvironment environment = new StandardEnvironment();
        new H2CacheSize().postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("ledger.h2.cache-kib", Long.class))
                .isEqualTo(H2CacheSize.forHeap(Runtime.getRuntime().maxMemory()));
    }
}
