package org.coalitionledger.correction.command;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.coalitionledger.common.ActCommand;
import org.coalitionledger.common.RecordedAct;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * The command side's own lookup from a record id to the aggregate that holds it, so that a correction or retraction
 * can be routed. Every command that records an act is noted once its handler succeeded, in the root unit of work
 * (so that records of an import that is still running are found), and written to {@code record_index} when that
 * unit of work commits, in the same transaction as the events. It is never exposed through queries.
 */
@Component
public class RecordIndex implements MessageHandlerInterceptor<CommandMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(RecordIndex.class);
    private static final String PENDING = RecordIndex.class.getName() + ".pending";

    /** Where a record lives: the aggregate type ("Coalition" or "Agreement") and its id. */
    public record Location(String aggregateType, String aggregateId) {
    }

    /**
     * Records a bulk import has checked but not yet written, as its private ledger knows them ({@code Staging}):
     * those a later line may name, and its agreements.
     */
    public interface Staged {

        Optional<Location> locate(String recordId);

        Set<String> aggregatesOfType(String aggregateType);
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final EventStore eventStore;
    private final ThreadLocal<Staged> staged = new ThreadLocal<>();

    RecordIndex(JdbcTemplate jdbc, TransactionTemplate transactions, EventStore eventStore, CommandBus commandBus) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.eventStore = eventStore;
        commandBus.registerHandlerInterceptor(this);
    }

    /** Runs {@code work} with the records a bulk import has staged found on this thread as if stored. */
    public void withStaged(Staged records, Runnable work) {
        Staged before = staged.get();
        staged.set(records);
        try {
            work.run();
        } finally {
            if (before == null) {
                staged.remove();
            } else {
                staged.set(before);
            }
        }
    }

    public Optional<Location> locate(String recordId) {
        Staged records = staged.get();
        if (records != null) {
            Optional<Location> found = records.locate(recordId);
            if (found.isPresent()) {
                return found;
            }
        }
        if (CurrentUnitOfWork.isStarted()) {
            Location pending = pending(CurrentUnitOfWork.get()).get(recordId);
            if (pending != null) {
                return Optional.of(pending);
            }
        }
        List<Location> found = jdbc.query("select aggregate_type, aggregate_id from record_index where record_id = ?",
                                          (rs, n) -> new Location(rs.getString(1), rs.getString(2)), recordId);
        return found.stream().findFirst();
    }

    /**
     * The ids of every aggregate of one type that holds a record, those of a unit of work still running included.
     * It reads the whole index: meant for rare checks (a coalition's formation moved), not for every command.
     */
    public Set<String> aggregatesOfType(String aggregateType) {
        Set<String> ids = new TreeSet<>(jdbc.queryForList(
                "select distinct aggregate_id from record_index where aggregate_type = ?", String.class,
                aggregateType));
        Staged records = staged.get();
        if (records != null) {
            ids.addAll(records.aggregatesOfType(aggregateType));
        }
        if (CurrentUnitOfWork.isStarted()) {
            pending(CurrentUnitOfWork.get()).values().stream()
                    .filter(location -> location.aggregateType().equals(aggregateType))
                    .forEach(location -> ids.add(location.aggregateId()));
        }
        return ids;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        Object result = chain.proceed();
        if (unitOfWork.getMessage().getPayload() instanceof ActCommand command) {
            pending(unitOfWork).put(command.recordId(),
                                    new Location(command.aggregateType(), command.aggregateId()));
        }
        return result;
    }

    private Map<String, Location> pending(UnitOfWork<?> unitOfWork) {
        UnitOfWork<?> root = unitOfWork.root();
        return root.getOrComputeResource(PENDING, key -> {
            Map<String, Location> records = new LinkedHashMap<>();
            root.onPrepareCommit(u -> insert(records));
            return records;
        });
    }

    /** Writes these records to the index, in the caller's transaction (a bulk import's, as it is written). */
    public void insert(Map<String, Location> records) {
        if (records.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("insert into record_index (record_id, aggregate_type, aggregate_id) values (?, ?, ?)",
                         records.entrySet().stream()
                                 .map(e -> new Object[]{e.getKey(), e.getValue().aggregateType(),
                                         e.getValue().aggregateId()})
                                 .toList());
    }

    /** Fills the index from the event store when it is empty but events exist (event tables copied without it). */
    @EventListener(ApplicationReadyEvent.class)
    void backfillIfEmpty() {
        Long indexed = jdbc.queryForObject("select count(*) from record_index", Long.class);
        Long events = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        if (indexed == null || indexed > 0 || events == null || events == 0) {
            return;
        }
        log.info("Rebuilding the record index from {} stored events", events);
        Map<String, Location> records = new LinkedHashMap<>();
        long head = eventStore.createHeadToken().position().orElse(0);
        try (var stream = eventStore.openStream(null)) {
            while (stream.hasNextAvailable(5, TimeUnit.SECONDS)) {
                var message = stream.nextAvailable();
                if (message.getPayload() instanceof RecordedAct act
                        && message instanceof DomainEventMessage<?> domain) {
                    records.put(act.recordId(), new Location(domain.getType(), domain.getAggregateIdentifier()));
                }
                if (message.trackingToken().position().orElse(head) >= head) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        transactions.executeWithoutResult(status -> insert(records));
    }
}
