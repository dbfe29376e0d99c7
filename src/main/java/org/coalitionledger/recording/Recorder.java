package org.coalitionledger.recording;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.coalitionledger.common.ActCommand;
import org.coalitionledger.common.Checks;
import org.coalitionledger.common.RecordMetadata;
import org.coalitionledger.common.Rejection;
import org.coalitionledger.common.Source;
import org.coalitionledger.evidence.EvidenceStore;
import org.springframework.stereotype.Service;

import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Records one act: gives it a record id, stamps who recorded it and through which channel into the metadata,
 * dispatches the command, and waits until the projections show it.
 */
@Service
public class Recorder {

    private final CommandGateway commands;
    private final ProjectionBarrier barrier;
    private final EvidenceStore evidence;

    Recorder(CommandGateway commands, ProjectionBarrier barrier, EvidenceStore evidence) {
        this.commands = commands;
        this.barrier = barrier;
        this.evidence = evidence;
    }

    /** The answer to a recording request. {@code visible} is false if the projections had not caught up in time. */
    public record Recorded(String recordId, String command, String recordedBy, boolean visible) {
    }

    /**
     * @param command   builds the command from the new record id
     * @param recordedBy the authenticated user
     */
    public Recorded record(Function<String, Object> command, String recordedBy) {
        return record(command, recordedBy, "api");
    }

    /**
     * As {@link #record(Function, String)}, through another channel: {@code web} for the record forms.
     */
    public Recorded record(Function<String, Object> command, String recordedBy, String channel) {
        String recordId = UUID.randomUUID().toString();
        Object message = command.apply(recordId);
        dispatch(message, recordedBy, channel);
        return new Recorded(recordId, message.getClass().getSimpleName(), recordedBy, barrier.awaitProjections());
    }

    /** Sends one command with the recording metadata; turns "no such aggregate" into a rejection naming the id. */
    void dispatch(Object command, String recordedBy, String channel) {
        dispatch(command, MetaData.with(RecordMetadata.RECORDED_BY, recordedBy).and(RecordMetadata.CHANNEL, channel));
    }

    /** As above, with the metadata given (the import adds the provenance of exported lines). */
    public void dispatch(Object command, MetaData metaData) {
        dispatch(command, metaData, this::send);
    }

    /**
     * As above, checked by a bulk import's private ledger instead of the command bus: the same checks before the
     * command is sent, and the same answer for an unknown coalition or agreement.
     */
    public void stage(Object command, MetaData metaData, Staging.Session session, boolean remember) {
        dispatch(command, metaData, message -> session.dispatch(message, remember));
    }

    private void dispatch(Object command, MetaData metaData, Consumer<CommandMessage<?>> sender) {
        if (command instanceof ActCommand act) {
            // the aggregate id is checked before Axon routes on it, so that a missing or malformed one is a 400
            Checks.slug(act.aggregateType().equals("Agreement") ? "agreement" : "coalition", act.aggregateId());
        }
        Source source = sourceOf(command);
        if (source != null) {
            // every evidence file a source cites must be stored: checked before anything is written
            evidence.requireStored("source.evidence", source.evidence());
        }
        try {
            sender.accept(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
        } catch (AggregateNotFoundException | IncompatibleAggregateException e) {
            // the id is unknown, or belongs to the other kind of aggregate
            String field = command.getClass().getPackageName().startsWith("org.coalitionledger.agreement")
                    ? "agreement" : "coalition";
            throw Rejection.unknown(field, targetOf(command));
        }
    }

    /**
     * Sends a command on its own; if its append lost a race (another node, or another request, wrote to the same
     * aggregate first, or this node's cached aggregate was older than the store), the command is checked again on
     * the fresh state, up to {@link #ATTEMPTS} times in all. A command that conflicts with what was written is then
     * refused by the aggregate's own rules (409 naming the field). Within an import, conflicts surface when the
     * import commits, and the whole import is refused.
     */
    private void send(CommandMessage<?> message) {
        if (CurrentUnitOfWork.isStarted()) {
            commands.sendAndWait(message);
            return;
        }
        for (int attempt = 1; ; attempt++) {
            try {
                commands.sendAndWait(message);
                return;
            } catch (ConcurrencyException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            } catch (CommandExecutionException e) {
                if (attempt == ATTEMPTS || !(e.getCause() instanceof ConcurrencyException)) {
                    throw e;
                }
            }
        }
    }

    static final int ATTEMPTS = 3;

    /** The source a command cites (every act, correction and retraction has one), or null. */
    private static Source sourceOf(Object command) {
        if (!command.getClass().isRecord()) {
            return null;
        }
        for (var component : command.getClass().getRecordComponents()) {
            if (component.getType() == Source.class) {
                try {
                    return (Source) component.getAccessor().invoke(command);
                } catch (ReflectiveOperationException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static String targetOf(Object command) {
        for (var component : command.getClass().getRecordComponents()) {
            if (component.getName().equals("coalition") || component.getName().equals("agreement")) {
                try {
                    return String.valueOf(component.getAccessor().invoke(command));
                } catch (ReflectiveOperationException e) {
                    return "";
                }
            }
        }
        return "";
    }
}
