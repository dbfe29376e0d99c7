package org.coalitionledger.config;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/**
 * The group commit's meters: {@code ledger.commands.groups} (groups of two or more commands committed together),
 * {@code ledger.commands.grouped} (commands committed in them; over the groups, the mean group) and
 * {@code ledger.commands.groups.undone} (groups undone, their commands then sent one by one: a rate that grows
 * means conflicts between nodes, or commands failing other than by a refusal).
 */
@Component
class GroupCommitMetrics implements MeterBinder {

    private final GroupCommitCommandBus commandBus;

    GroupCommitMetrics(GroupCommitCommandBus commandBus) {
        this.commandBus = commandBus;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder("ledger.commands.groups", commandBus, GroupCommitCommandBus::groups)
                .description("Groups of commands committed in one transaction since this node started")
                .register(registry);
        FunctionCounter.builder("ledger.commands.grouped", commandBus, GroupCommitCommandBus::grouped)
                .description("Commands committed in groups since this node started")
                .register(registry);
        FunctionCounter.builder("ledger.commands.groups.undone", commandBus, GroupCommitCommandBus::undone)
                .description("Groups undone, their commands then sent one by one, since this node started")
                .register(registry);
    }
}
