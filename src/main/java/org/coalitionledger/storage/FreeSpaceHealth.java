package org.coalitionledger.storage;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * DOWN while the file system of the data directory has less usable space than {@code ledger.storage.min-free}, so
 * that a node about to run out of disk is taken out of the load balancer before writes fail; part of the readiness
 * group. It is UP again as soon as space returns.
 */
@Component("storage")
class FreeSpaceHealth implements HealthIndicator {

    private final Path dataDir;
    private final DataSize minFree;

    FreeSpaceHealth(@Value("${ledger.data-dir}") String dataDir,
                    @Value("${ledger.storage.min-free:100MB}") DataSize minFree) {
        this.dataDir = Path.of(dataDir);
        this.minFree = minFree;
    }

    @Override
    public Health health() {
        try {
            long usable = Files.getFileStore(dataDir).getUsableSpace();
            Health.Builder health = usable < minFree.toBytes() ? Health.down() : Health.up();
            return health.withDetail("usableBytes", usable).withDetail("minFreeBytes", minFree.toBytes()).build();
        } catch (IOException e) {
            return Health.down().withDetail("error", "the data directory cannot be read").build();
        }
    }
}
