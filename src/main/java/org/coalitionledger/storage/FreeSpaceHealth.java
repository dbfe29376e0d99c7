package org.coalitionledger.storage;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import java.util.OptionalLong;

/**
 * DOWN while the file system of the data directory has less usable space than {@code ledger.storage.min-free}, so
 * that a node about to run out of disk is taken out of the load balancer while it refuses writes
 * ({@link StorageGuard}); part of the readiness group. It is UP again as soon as space returns.
 */
@Component("storage")
class FreeSpaceHealth implements HealthIndicator {

    private final FreeSpace freeSpace;

    FreeSpaceHealth(FreeSpace freeSpace) {
        this.freeSpace = freeSpace;
    }

    @Override
    public Health health() {
        OptionalLong usable = freeSpace.usable();
        if (usable.isEmpty()) {
            return Health.down().withDetail("error", "the data directory cannot be read").build();
        }
        Health.Builder health = usable.getAsLong() < freeSpace.minFree()
                ? Health.down().withDetail("reason", "less usable space than ledger.storage.min-free; writes refused")
                : Health.up();
        return health.withDetail("usableBytes", usable.getAsLong()).withDetail("minFreeBytes", freeSpace.minFree())
                .build();
    }
}
