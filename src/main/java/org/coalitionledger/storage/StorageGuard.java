package org.coalitionledger.storage;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.OptionalLong;
import java.util.function.BiFunction;

/**
 * Refuses every command ({@link StorageFull}, answered 507) while the data directory has less usable space than
 * {@code ledger.storage.min-free}, before anything is written: the database then never meets a full disk in the
 * middle of a commit (H2 may close its file after a failed write and need a restart), and writes are taken again as
 * soon as space returns, without a restart. An import is refused as a whole, since its lines are commands of one
 * transaction. Reads, projections and sealing go on: the margin is there for them.
 */
@Component
class StorageGuard implements MessageDispatchInterceptor<CommandMessage<?>> {

    private final FreeSpace freeSpace;

    StorageGuard(FreeSpace freeSpace, CommandBus commandBus) {
        this.freeSpace = freeSpace;
        commandBus.registerDispatchInterceptor(this);
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
            List<? extends CommandMessage<?>> messages) {
        return (index, message) -> {
            OptionalLong usable = freeSpace.usable();
            if (usable.isPresent() && usable.getAsLong() < freeSpace.minFree()) {
                throw new StorageFull(usable.getAsLong(), freeSpace.minFree());
            }
            return message;
        };
    }
}
