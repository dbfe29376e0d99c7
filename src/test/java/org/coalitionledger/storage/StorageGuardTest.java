package org.coalitionledger.storage;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StorageGuardTest {

    @TempDir
    Path dataDir;

    @Test
    void refusesCommandsWhileLessThanTheMinimumIsFree() {
        StorageGuard guard = new StorageGuard(new FreeSpace(dataDir.toString(), DataSize.ofTerabytes(1_000_000)),
                                              SimpleCommandBus.builder().build());
        var command = GenericCommandMessage.asCommandMessage("anything");

        assertThatThrownBy(() -> guard.handle(List.of(command)).apply(0, command))
                .isInstanceOf(StorageFull.class)
                .hasMessageContaining("less than ledger.storage.min-free");
    }

    @Test
    void letsCommandsPassWithEnoughSpace() {
        StorageGuard guard = new StorageGuard(new FreeSpace(dataDir.toString(), DataSize.ofBytes(1)),
                                              SimpleCommandBus.builder().build());
        var command = GenericCommandMessage.asCommandMessage("anything");

        assertThat(guard.handle(List.of(command)).apply(0, command)).isSameAs(command);
    }
}
