package org.coalitionledger.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.commandhandling.CommandBusSpanFactory;
import org.axonframework.commandhandling.DuplicateCommandHandlerResolver;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLErrorCodesResolver;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.updates.configuration.UsagePropertyProvider;
import org.coalitionledger.cluster.NodeIdentity;
import org.coalitionledger.common.Rejection;
import org.coalitionledger.common.RecordMetadata;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Duration;

/**
 * How Axon stores things here: events, snapshots and tracking tokens in the application's own database through
 * JDBC (tables owned by Flyway migrations, binary columns as BLOB on H2 and BYTEA on PostgreSQL), everything
 * serialized as JSON by Jackson, the recorder and channel copied from each command onto its events, and Axon's
 * update checker switched off so that the application never connects anywhere.
 */
@Configuration(proxyBeanMethods = false)
class AxonConfig {

    /** The event table and its columns, in snake case so that both databases agree on the names. */
    static final EventSchema EVENT_SCHEMA = EventSchema.builder()
            .eventTable("domain_event_entry")
            .snapshotTable("snapshot_event_entry")
            .globalIndexColumn("global_index")
            .timestampColumn("time_stamp")
            .eventIdentifierColumn("event_identifier")
            .aggregateIdentifierColumn("aggregate_identifier")
            .sequenceNumberColumn("sequence_number")
            .typeColumn("type")
            .payloadTypeColumn("payload_type")
            .payloadRevisionColumn("payload_revision")
            .payloadColumn("payload")
            .metaDataColumn("meta_data")
            .build();

    /** One processor thread more than segments, against a lost thread in Axon 4.13 ({@link ProcessorThreads}). */
    @Bean
    static ProcessorThreads processorThreads(Environment environment) {
        return new ProcessorThreads(environment);
    }

    @Bean
    @Primary
    Serializer serializer() {
        return jackson();
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer() {
        return jackson();
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer() {
        return jackson();
    }

    /**
     * The event store in {@code domain_event_entry}, payloads and metadata as bytes; global indexes given out at
     * commit, in commit order, and tracking tokens with few gaps ({@link CommitOrderedEventStorageEngine}).
     */
    @Bean
    EventStorageEngine eventStorageEngine(DataSource dataSource, TransactionManager transactionManager,
                                          Serializer serializer,
                                          @Qualifier("eventSerializer") Serializer eventSerializer)
            throws SQLException {
        JdbcEventStorageEngine.Builder builder = JdbcEventStorageEngine.builder()
                .connectionProvider(connections(dataSource))
                .transactionManager(transactionManager)
                .persistenceExceptionResolver(new SQLErrorCodesResolver(dataSource))
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .schema(EVENT_SCHEMA)
                .batchSize(1_000);
        return new CommitOrderedEventStorageEngine(builder, isPostgres(dataSource));
    }

    /**
     * The event store as Axon's auto-configuration builds it, but polling the database for events written by other
     * nodes every {@code ledger.cluster.event-poll-interval} instead of every second. Events written on this node wake
     * its processors at once either way; the poll bounds how soon another node's projections see a write (and so how
     * long a write waits for read-your-writes on a cluster).
     * <p>
     * The store reads ahead into a cache that the processors following it share, as fast as the database answers;
     * each of its streams ends after {@value BoundedReadAhead#MOST} events ({@link BoundedReadAhead}), since the
     * reader keeps a stream's events alive until it ends (a million-line import's backlog filled a 512 MB heap). A
     * processor that falls behind that cache is sent to a stream of its own every {@value #LAGGING_CHECK_MILLIS} ms
     * (Axon's default is 10 s).
     */
    /** How often processors that fell behind the event store's shared cache are sent to streams of their own. */
    static final long LAGGING_CHECK_MILLIS = 500;

    @Bean
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine,
                                  org.axonframework.config.Configuration axonConfiguration,
                                  @Value("${ledger.cluster.event-poll-interval:PT0.2S}") Duration poll,
                                  EventReaderShutdown shutdown) {
        return EmbeddedEventStore.builder()
                .storageEngine(new BoundedReadAhead(storageEngine))
                .threadFactory(shutdown.threadFactory())
                .messageMonitor(axonConfiguration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(axonConfiguration.getComponent(EventBusSpanFactory.class))
                .fetchDelay(poll.toMillis())
                .cleanupDelay(LAGGING_CHECK_MILLIS)
                .build();
    }

    /**
     * What the projections' tracking processors read ({@code axon.eventhandling.processors.*.source}): the event
     * store, with a pause of {@code ledger.projections.linger} after an awaited event arrives so that steady writes
     * reach each projection in batches rather than one transaction per event; see {@link LingeringEventSource}.
     */
    @Bean
    LingeringEventSource projectionEvents(EmbeddedEventStore eventStore,
                                          @Value("${ledger.projections.linger:PT0.01S}") Duration linger) {
        return new LingeringEventSource(eventStore, linger);
    }

    /**
     * Routes a command to the aggregate it names through {@link ActCommand#aggregateId()}, which every command an
     * aggregate handles implements, instead of Axon's annotation scan, which looks up annotations by reflection on
     * every command (a sixth of an import's time). {@code ActTargetResolverTest} checks that both agree.
     */
    @Bean
    CommandTargetResolver actTargetResolver() {
        return new ActTargetResolver();
    }

    /**
     * Aggregates stay in memory between commands (entries the garbage collector may drop), so a command loads no events
     * when its aggregate is cached and appends stay flat however long a coalition's history grows. A command whose
     * append fails (another node wrote first) rolls back and drops its entry; {@code Recorder} then retries it on
     * fresh state. One cache per aggregate type: ids are unique across both, and a lookup of one kind's id in the
     * other's repository must miss and be refused as before.
     */
    @Bean
    Cache coalitionCache() {
        return new WeakReferenceCache();
    }

    @Bean
    Cache agreementCache() {
        return new WeakReferenceCache();
    }

    /** This node's name as the owner of its segment claims; see {@link NodeIdentity}. */
    @Bean
    NodeIdentity nodeIdentity(@Value("${ledger.node-id:}") String configured) {
        return NodeIdentity.of(configured);
    }

    /**
     * Tracking tokens in {@code token_entry}. A segment claimed by a node is not processed by another until the
     * claim is released or has not been renewed for {@code axon.eventhandling.tokenstore.claim-timeout}.
     */
    @Bean
    TokenStore tokenStore(DataSource dataSource, Serializer serializer, NodeIdentity node,
                          @Value("${axon.eventhandling.tokenstore.claim-timeout:10s}") Duration claimTimeout) {
        return JdbcTokenStore.builder()
                .connectionProvider(connections(dataSource))
                .serializer(serializer)
                .nodeId(node.value())
                .claimTimeout(claimTimeout)
                .contentType(byte[].class)
                .schema(TokenSchema.builder()
                                .setTokenTable("token_entry")
                                .setProcessorNameColumn("processor_name")
                                .setSegmentColumn("segment")
                                .setTokenColumn("token")
                                .setTokenTypeColumn("token_type")
                                .setTimestampColumn("timestamp")
                                .setOwnerColumn("owner")
                                .build())
                .build();
    }

    /**
     * The command bus: Axon's {@link SimpleCommandBus}, as its auto-configuration builds it but with one difference,
     * inside a {@link GroupCommitCommandBus} that lets commands arriving together share one transaction (at most
     * {@code ledger.commands.max-group} of them; 1 turns group commit off).
     * <p>
     * The difference: a {@link Rejection} does not roll the unit of work back. Aggregates refuse before they apply
     * anything, so there is nothing to undo; and inside an import or a group a rolled-back command makes Axon drop
     * the aggregate it loaded from the shared unit of work, so every later command on that coalition or agreement
     * would load it from the event store again (a slow import, and checks against the stored state instead of the
     * state the import has built). Every other exception rolls back as usual.
     */
    @Bean
    GroupCommitCommandBus commandBus(TransactionManager transactionManager,
                                     org.axonframework.config.Configuration axonConfiguration,
                                     DuplicateCommandHandlerResolver duplicateCommandHandlerResolver,
                                     AggregateLocks aggregateLocks, CommandTargetResolver actTargetResolver,
                                     @Value("${ledger.commands.max-group:100}") int maxGroup) {
        SimpleCommandBus commandBus = SimpleCommandBus.builder()
                .transactionManager(transactionManager)
                .duplicateCommandHandlerResolver(duplicateCommandHandlerResolver)
                .spanFactory(axonConfiguration.getComponent(CommandBusSpanFactory.class))
                .messageMonitor(axonConfiguration.messageMonitor(CommandBus.class, "commandBus"))
                .rollbackConfiguration(failure -> !(failure instanceof Rejection)
                        && RollbackConfigurationType.UNCHECKED_EXCEPTIONS.rollBackOn(failure))
                .build();
        commandBus.registerHandlerInterceptor(
                new CorrelationDataInterceptor<>(axonConfiguration.correlationDataProviders()));
        return new GroupCommitCommandBus(commandBus, transactionManager, aggregateLocks, actTargetResolver, maxGroup);
    }

    /**
     * The aggregates' locks ({@code @Aggregate(lockFactory = "aggregateLocks")}): Axon's, knowing which thread holds
     * each, so that a group of commands never waits for an aggregate an import holds.
     */
    @Bean
    AggregateLocks aggregateLocks() {
        return new AggregateLocks();
    }

    /** The projections' processors' meters, capacity over a short window ({@link ProcessorMonitors}). */
    @Bean
    ProcessorMonitors processorMonitors(io.micrometer.core.instrument.MeterRegistry registry) {
        return new ProcessorMonitors(registry);
    }

    /** Copies who recorded an act, and through which channel, from the command to its events. */
    @Bean
    CorrelationDataProvider recordingMetadata() {
        return new SimpleCorrelationDataProvider(RecordMetadata.RECORDED_BY, RecordMetadata.CHANNEL,
                                                 RecordMetadata.IMPORTED + "RecordId",
                                                 RecordMetadata.IMPORTED + "RecordedAt",
                                                 RecordMetadata.IMPORTED + "RecordedBy");
    }

    /** Keeps Axon's correlation and trace ids on every event as well. */
    @Bean
    CorrelationDataProvider messageOrigin() {
        return new MessageOriginProvider();
    }

    /** Axon's update checker would report to a server on the internet; this ledger never connects anywhere. */
    @Bean
    UsagePropertyProvider usagePropertyProvider() {
        return new UsagePropertyProvider() {
            @Override
            public Boolean getDisabled() {
                return Boolean.TRUE;
            }

            @Override
            public String getUrl() {
                return null;
            }

            @Override
            public int priority() {
                return Integer.MAX_VALUE;
            }
        };
    }

    private static boolean isPostgres(DataSource dataSource) throws SQLException {
        try (var connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().equals("PostgreSQL");
        }
    }

    private static ConnectionProvider connections(DataSource dataSource) {
        return new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(dataSource));
    }

    static Serializer jackson() {
        ObjectMapper mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        return JacksonSerializer.builder().objectMapper(mapper).build();
    }
}
