package org.coalitionledger.config;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.lock.Lock;
import org.axonframework.common.lock.LockFactory;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.AbstractEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.axonframework.modelling.command.AggregateAnnotationCommandHandler;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.Repository;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.axonframework.serialization.Serializer;
import org.coalitionledger.agreement.command.Agreement;
import org.coalitionledger.coalition.command.Coalition;
import org.coalitionledger.common.ActCommand;
import org.coalitionledger.correction.command.RecordIndex;
import org.coalitionledger.recording.Staging;
import org.coalitionledger.review.command.Review;
import org.coalitionledger.storage.FreeSpace;
import org.coalitionledger.storage.SpoolFile;
import org.coalitionledger.storage.StorageFull;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * Bulk imports' private ledgers ({@link Staging}). Each session has its own command bus and its own repositories of
 * the three aggregates, built from the same annotated classes (so the same rules, parameters and correlation data),
 * with three differences from the application's:
 * <ul>
 *     <li>events go to an {@link EventSpool} file, serialized as the event store stores them, not to the database;
 *     a command runs in Axon's in-memory unit of work, with no transaction and no connection unless it loads an
 *     aggregate the import has not touched yet;</li>
 *     <li>every aggregate the import touches stays in memory until the import ends (its events are in no store
 *     yet), and the application's lock on it is held as long, so commands of this node on those aggregates wait;</li>
 *     <li>record ids are kept in memory only for records a later line names, and agreements; the rest go to the
 *     spool for the record index.</li>
 * </ul>
 * Lookups that the aggregates make through {@code CoalitionDirectory} and the record index see the import's own
 * aggregates and records first. {@link Session#write} appends the spool in one transaction under the append lock.
 */
@Component
class StagedImports implements Staging {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(StagedImports.class);

    /** Events (and record index rows) per JDBC batch when an import is written. */
    static final int WRITE_BATCH = 1_000;

    private final ObjectProvider<Configuration> axon;
    private final GroupCommitCommandBus commandBus;
    private final AggregateLocks locks;
    private final CommandTargetResolver targets;
    private final CommitOrderedEventStorageEngine storageEngine;
    private final Serializer eventSerializer;
    private final RecordIndex recordIndex;
    private final AggregateCoalitionDirectory directory;
    private final Cache coalitionCache;
    private final Cache agreementCache;
    private final DataSource dataSource;
    private final TransactionTemplate transactions;
    private final Path spoolDirectory;
    private final FreeSpace freeSpace;
    private volatile Map<Class<?>, AggregateModel<?>> models;

    StagedImports(ObjectProvider<Configuration> axon, GroupCommitCommandBus commandBus, AggregateLocks locks,
                  CommandTargetResolver actTargetResolver, EventStorageEngine storageEngine,
                  @Qualifier("eventSerializer") Serializer eventSerializer, RecordIndex recordIndex,
                  AggregateCoalitionDirectory directory, @Qualifier("coalitionCache") Cache coalitionCache,
                  @Qualifier("agreementCache") Cache agreementCache, DataSource dataSource,
                  TransactionTemplate transactions, FreeSpace freeSpace,
                  @Value("${ledger.import.spool-dir:${ledger.data-dir}/import}") String spoolDirectory) {
        this.freeSpace = freeSpace;
        this.axon = axon;
        this.commandBus = commandBus;
        this.locks = locks;
        this.targets = actTargetResolver;
        this.storageEngine = (CommitOrderedEventStorageEngine) storageEngine;
        this.eventSerializer = eventSerializer;
        this.recordIndex = recordIndex;
        this.directory = directory;
        this.coalitionCache = coalitionCache;
        this.agreementCache = agreementCache;
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.spoolDirectory = Path.of(spoolDirectory);
        SpoolFile.deleteAbandoned(this.spoolDirectory);
    }

    @Override
    public Path spoolDirectory() {
        return spoolDirectory;
    }

    @Override
    public Session open(boolean dryRun) {
        return new StagedSession(dryRun);
    }

    private Map<Class<?>, AggregateModel<?>> models() {
        if (models == null) {
            Configuration configuration = axon.getObject();
            Map<Class<?>, AggregateModel<?>> inspected = new HashMap<>();
            for (Class<?> type : List.of(Coalition.class, Agreement.class, Review.class)) {
                inspected.put(type, AnnotatedAggregateMetaModelFactory.inspectAggregate(
                        type, configuration.parameterResolverFactory(), configuration.handlerDefinition(type)));
            }
            models = Map.copyOf(inspected);
        }
        return models;
    }

    private final class StagedSession implements Session, RecordIndex.Staged {

        private final boolean dryRun;
        private final EventSpool spool;
        private final SimpleCommandBus bus;
        private final Map<Class<?>, Repository<?>> repositories = new HashMap<>();
        private final List<KeptAggregates> kept = new ArrayList<>();
        /** The application's locks on every aggregate this import touched, held until it ends. */
        private final Map<String, Lock> held = new LinkedHashMap<>();
        private final Map<String, RecordIndex.Location> remembered = new HashMap<>();
        private final Set<String> agreements = new HashSet<>();
        private final Thread owner = Thread.currentThread();
        private boolean remember;
        private boolean written;

        StagedSession(boolean dryRun) {
            this.dryRun = dryRun;
            this.bus = SimpleCommandBus.builder()
                    // a command that fails after it applied an event leaves the import refused as a whole, so its
                    // aggregate is kept as it is: later lines are still checked on the state the import has built
                    .rollbackConfiguration(RollbackConfigurationType.NEVER)
                    .build();
            bus.registerHandlerInterceptor(
                    new CorrelationDataInterceptor<>(axon.getObject().correlationDataProviders()));
            bus.registerHandlerInterceptor((unitOfWork, chain) -> {
                Object result = chain.proceed();
                if (unitOfWork.getMessage().getPayload() instanceof ActCommand act) {
                    staged(act);
                }
                return result;
            });
            commandBus.dispatchInterceptors().forEach(bus::registerDispatchInterceptor);
            SpooledEvents events = new SpooledEvents(storageEngine, this::stage);
            LockFactory heldUntilTheEnd = identifier -> {
                held.computeIfAbsent(identifier, locks::obtainLock);
                return HELD;
            };
            models().forEach((type, model) -> subscribe(type, model, events, heldUntilTheEnd));
            // last, so that nothing above can fail with the file made and no session to close it
            this.spool = dryRun ? null : new EventSpool(spoolDirectory, eventSerializer);
        }

        private <T> void subscribe(Class<T> type, AggregateModel<?> model, SpooledEvents events, LockFactory locking) {
            @SuppressWarnings("unchecked")
            AggregateModel<T> typed = (AggregateModel<T>) model;
            KeptAggregates cache = new KeptAggregates();
            kept.add(cache);
            EventSourcingRepository<T> repository = EventSourcingRepository.builder(type)
                    .aggregateModel(typed)
                    .eventStore(events)
                    .cache(cache)
                    .lockFactory(locking)
                    .build();
            repositories.put(type, repository);
            AggregateAnnotationCommandHandler.<T>builder()
                    .aggregateType(type)
                    .aggregateModel(typed)
                    .repository(repository)
                    .commandTargetResolver(targets)
                    .build()
                    .subscribe(bus);
        }

        private void stage(List<? extends EventMessage<?>> events) {
            if (spool == null) {
                return;
            }
            for (EventMessage<?> event : events) {
                spool.event((DomainEventMessage<?>) event);
            }
        }

        private void staged(ActCommand act) {
            if (spool != null) {
                spool.record(act.recordId(), act.aggregateType(), act.aggregateId());
            }
            RecordIndex.Location location = new RecordIndex.Location(act.aggregateType(), act.aggregateId());
            if (remember) {
                remembered.put(act.recordId(), location);
            }
            if ("Agreement".equals(act.aggregateType())) {
                agreements.add(act.aggregateId());
            }
        }

        @Override
        public void dispatch(CommandMessage<?> command, boolean remember) {
            requireOwner();
            if (written) {
                throw new IllegalStateException("this import has been written; it takes no more commands");
            }
            this.remember = remember;
            CommandResultMessage<?>[] answer = new CommandResultMessage<?>[1];
            recordIndex.withStaged(this, () -> directory.withRepositories(
                    repositories::get, () -> bus.dispatch(command, (message, result) -> answer[0] = result)));
            if (answer[0] != null && answer[0].isExceptional()) {
                Throwable failure = answer[0].exceptionResult();
                if (failure instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (failure instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(failure);
            }
            if (spool != null) {
                spool.commandEnd();
            }
        }

        @Override
        public long events() {
            return spool == null ? 0 : spool.events();
        }

        @Override
        public void write(LongConsumer linesWritten) {
            requireOwner();
            if (spool == null) {
                throw new IllegalStateException("a dry run writes nothing");
            }
            if (written) {
                throw new IllegalStateException("this import has been written already");
            }
            requireSpaceToWrite();
            written = true;
            // the aggregates have checked every line: their state (every act of every coalition the import
            // touched) is not needed to write, and the write has the heap to itself
            kept.forEach(KeptAggregates::removeAll);
            try {
                transactions.executeWithoutResult(status -> {
                    Connection connection = DataSourceUtils.getConnection(dataSource);
                    try {
                        new Writer(connection, linesWritten).writeAll();
                    } catch (SQLException e) {
                        throw conflictOr(e);
                    } finally {
                        DataSourceUtils.releaseConnection(connection, dataSource);
                    }
                });
            } finally {
                // the application's cached aggregates of these ids are older than what was written (or than what
                // was rolled back to, for nothing): each is loaded again when next used
                for (String id : held.keySet()) {
                    coalitionCache.remove(id);
                    agreementCache.remove(id);
                }
            }
        }

        /**
         * The check every command passes ({@code ledger.storage.min-free}, as {@code StorageGuard}), once more before
         * the write; on H2, whose files are in the data directory with the spools, with room for the rows too (about
         * the spool's size again).
         */
        private void requireSpaceToWrite() {
            java.util.OptionalLong usable = freeSpace.usable();
            long needed = storageEngine.storesInDataDirectory() ? spool.bytes() : 0;
            if (usable.isPresent() && usable.getAsLong() < freeSpace.minFree() + needed) {
                throw new StorageFull(usable.getAsLong(), freeSpace.minFree(), needed);
            }
        }

        /** Reads the spool into the event store and the record index, batch by batch, in the caller's transaction. */
        private final class Writer implements EventSpool.Reader {

            private final Connection connection;
            private final LongConsumer linesWritten;
            private final List<EventSpool.StagedEvent> events = new ArrayList<>(WRITE_BATCH);
            private final Map<String, RecordIndex.Location> records = new LinkedHashMap<>();
            private long next;
            private long commands;

            Writer(Connection connection, LongConsumer linesWritten) {
                this.connection = connection;
                this.linesWritten = linesWritten;
            }

            void writeAll() throws SQLException {
                next = storageEngine.lockForAppend(connection);
                try {
                    spool.replay(this);
                } catch (Unchecked e) {
                    throw e.sqlException;
                }
                flushEvents();
                flushRecords();
                linesWritten.accept(commands);
            }

            @Override
            public void event(EventSpool.StagedEvent event) {
                events.add(event);
                if (events.size() >= WRITE_BATCH) {
                    try {
                        flushEvents();
                    } catch (SQLException e) {
                        throw new Unchecked(e);
                    }
                    linesWritten.accept(commands);
                }
            }

            @Override
            public void record(String recordId, String aggregateType, String aggregateId) {
                records.put(recordId, new RecordIndex.Location(aggregateType, aggregateId));
                if (records.size() >= WRITE_BATCH) {
                    flushRecords();
                }
            }

            @Override
            public void commandEnd() {
                commands++;
            }

            private void flushEvents() throws SQLException {
                if (!events.isEmpty()) {
                    storageEngine.insertStaged(connection, events, next);
                    next += events.size();
                    events.clear();
                }
            }

            private void flushRecords() {
                recordIndex.insert(records);
                records.clear();
            }
        }

        @Override
        public Optional<RecordIndex.Location> locate(String recordId) {
            return Optional.ofNullable(remembered.get(recordId));
        }

        @Override
        public Set<String> aggregatesOfType(String aggregateType) {
            return "Agreement".equals(aggregateType) ? agreements : Set.of();
        }

        @Override
        public void close() {
            try {
                for (Lock lock : held.values()) {
                    try {
                        lock.release();
                    } catch (RuntimeException e) {
                        // the others are released all the same
                        log.warn("Could not release an aggregate's lock after an import: {}", e.toString());
                    }
                }
                held.clear();
            } finally {
                if (spool != null) {
                    spool.close();
                }
            }
        }

        private void requireOwner() {
            if (Thread.currentThread() != owner) {
                throw new IllegalStateException("an import's session is used by the thread that opened it only");
            }
        }
    }

    /** A unique key met as the import is written: another writer wrote to one of its aggregates meanwhile. */
    private static RuntimeException conflictOr(SQLException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return new ConcurrencyException("another writer recorded acts on a coalition or agreement of this"
                                                        + " import while it was checked; nothing was written", e);
            }
        }
        return new IllegalStateException("the import could not be written: " + e.getMessage(), e);
    }

    private static final class Unchecked extends RuntimeException {

        private final SQLException sqlException;

        Unchecked(SQLException sqlException) {
            super(sqlException);
            this.sqlException = sqlException;
        }
    }

    /** The lock a session's repositories get: the application's lock is held by the session, not by each command. */
    private static final Lock HELD = new Lock() {
        @Override
        public void release() {
            // released when the session closes
        }

        @Override
        public boolean isHeld() {
            return true;
        }
    };

    /**
     * The event store a session's repositories see: aggregates are loaded from the application's store (with its
     * snapshots) the first time the import touches them; what they apply goes to the spool.
     */
    private static final class SpooledEvents extends AbstractEventStore {

        private final java.util.function.Consumer<List<? extends EventMessage<?>>> spool;

        SpooledEvents(EventStorageEngine stored, java.util.function.Consumer<List<? extends EventMessage<?>>> spool) {
            super(new Builder().storageEngine(stored));
            this.spool = spool;
        }

        @Override
        protected void prepareCommit(List<? extends EventMessage<?>> events) {
            spool.accept(events);
        }

        @Override
        public void storeSnapshot(DomainEventMessage<?> snapshot) {
            // never asked for (a session's repositories take no snapshots)
        }

        @Override
        public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
            throw new UnsupportedOperationException("an import's private ledger is not tracked");
        }

        private static final class Builder extends AbstractEventStore.Builder {

            @Override
            public Builder storageEngine(EventStorageEngine storageEngine) {
                super.storageEngine(storageEngine);
                return this;
            }
        }
    }

    /**
     * A session's aggregates, kept for the whole import: they hold events that are in no store yet, so they are never
     * dropped (a weak cache could lose one, which could then not be loaded again).
     */
    private static final class KeptAggregates implements Cache {

        private final Map<Object, Object> entries = new HashMap<>();

        @Override
        @SuppressWarnings("unchecked")
        public <K, V> V get(K key) {
            return (V) entries.get(key);
        }

        @Override
        public void put(Object key, Object value) {
            entries.put(key, value);
        }

        @Override
        public boolean putIfAbsent(Object key, Object value) {
            return entries.putIfAbsent(key, value) == null;
        }

        @Override
        public boolean remove(Object key) {
            return entries.remove(key) != null;
        }

        @Override
        public boolean containsKey(Object key) {
            return entries.containsKey(key);
        }

        @Override
        public void removeAll() {
            entries.clear();
        }

        @Override
        public org.axonframework.common.Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
            return () -> true;
        }
    }
}
