package org.coalitionledger.storage;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * The embedded H2 database's page cache ({@code CACHE_SIZE} in its URL, in KiB), {@code ledger.h2.cache-kib}: unless
 * set, a quarter of the largest heap this JVM may use, and at most 256 MiB. The cache lives in the heap: 256 MiB
 * halves the median as-of query at a million acts (docs/performance.md), but in a 512 MiB heap it leaves too little
 * for anything else, and a large import then spends its time collecting garbage.
 */
public class H2CacheSize implements EnvironmentPostProcessor {

    static final String PROPERTY = "ledger.h2.cache-kib";
    static final long MOST_KIB = 256 * 1024;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.containsProperty(PROPERTY)) {
            environment.getPropertySources().addLast(new MapPropertySource(
                    "h2CacheSize", Map.of(PROPERTY, String.valueOf(forHeap(Runtime.getRuntime().maxMemory())))));
        }
    }

    /** A quarter of {@code maxHeapBytes}, in KiB, at most {@link #MOST_KIB}. */
    static long forHeap(long maxHeapBytes) {
        return Math.min(MOST_KIB, maxHeapBytes / 4 / 1024);
    }
}
