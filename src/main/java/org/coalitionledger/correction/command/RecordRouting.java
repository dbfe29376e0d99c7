package org.coalitionledger.correction.command;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.coalitionledger.common.Checks;
import org.coalitionledger.common.Rejection;
import org.coalitionledger.common.Text;
import org.coalitionledger.correction.command.RecordIndex.Location;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Sends a {@link CorrectRecord} or {@link RetractRecord} to the aggregate that holds the record it names, found
 * through the {@link RecordIndex}: the message gets the command name that aggregate type handles it under
 * ({@link #commandName(Class, String)}, e.g. {@code CorrectRecord@Coalition}) and the aggregate's id in its
 * metadata ({@link #TARGET}), which the command target resolver reads. An unknown record is a 404, with nothing
 * written. The aggregate then checks the change on its corrected timeline.
 */
@Component
public class RecordRouting implements MessageDispatchInterceptor<CommandMessage<?>> {

    /** Metadata key: the id of the aggregate a routed correction or retraction goes to. */
    public static final String TARGET = "recordHolder";

    private final Function<String, Optional<Location>> locate;

    @Autowired
    RecordRouting(RecordIndex index, CommandBus commandBus) {
        this(index::locate);
        commandBus.registerDispatchInterceptor(this);
    }

    /** For tests: routes through the given lookup instead of the index. */
    public RecordRouting(Function<String, Optional<Location>> locate) {
        this.locate = locate;
    }

    /** The name under which aggregates of {@code aggregateType} handle commands of {@code payload}'s type. */
    public static String commandName(Class<?> payload, String aggregateType) {
        return payload.getSimpleName() + "@" + aggregateType;
    }

    /** The message that brings {@code command} to the aggregate {@code aggregateId} of {@code aggregateType}. */
    public static CommandMessage<?> routed(Object command, String aggregateType, String aggregateId) {
        CommandMessage<?> message = GenericCommandMessage.asCommandMessage(command);
        return new GenericCommandMessage<>(message.andMetaData(Map.of(TARGET, aggregateId)),
                                           commandName(command.getClass(), aggregateType));
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
            List<? extends CommandMessage<?>> messages) {
        return (index, message) -> {
            String recordId;
            if (message.getPayload() instanceof CorrectRecord correction) {
                recordId = correction.recordId();
            } else if (message.getPayload() instanceof RetractRecord retraction) {
                recordId = retraction.recordId();
            } else {
                return message;
            }
            if (message.getMetaData().containsKey(TARGET)) {
                return message;
            }
            Checks.text("recordId", recordId, Checks.MAX_ID);
            Location location = locate.apply(recordId).orElseThrow(
                    () -> Rejection.notFound("recordId", "unknown record '" + Text.clip(recordId) + "'"));
            // the message's own metadata (recordedBy, channel, an import's provenance) goes with it
            return new GenericCommandMessage<>(message.andMetaData(Map.of(TARGET, location.aggregateId())),
                                               commandName(message.getPayloadType(), location.aggregateType()));
        };
    }
}
