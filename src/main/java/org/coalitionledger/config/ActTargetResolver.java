package org.coalitionledger.config;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.coalitionledger.common.ActCommand;
import org.coalitionledger.correction.command.RecordRouting;

/**
 * The aggregate a command is for: the one its {@link ActCommand#aggregateId()} names, with no expected version;
 * for a correction or retraction, the holder of its record that {@link RecordRouting} put in its metadata;
 * anything else (or an act without an id) as Axon's annotations say.
 */
public final class ActTargetResolver implements CommandTargetResolver {

    private final CommandTargetResolver annotations = AnnotationCommandTargetResolver.builder().build();

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        if (command.getPayload() instanceof ActCommand act && act.aggregateId() != null) {
            return new VersionedAggregateIdentifier((Object) act.aggregateId(), null);
        }
        Object holder = command.getMetaData().get(RecordRouting.TARGET);
        if (holder instanceof String aggregateId) {
            return new VersionedAggregateIdentifier((Object) aggregateId, null);
        }
        return annotations.resolveTarget(command);
    }
}
