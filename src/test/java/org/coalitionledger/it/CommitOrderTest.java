package org.coalitionledger.it;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * On PostgreSQL, events commit in the order of their global index: a write waits while another transaction that
 * appended events is still open, and gets a higher index once it commits. Otherwise a tracking processor could read
 * the later event first and, past Axon's gap window, never read the earlier ones (a large import committing while
 * another node writes).
 */
@EnabledIfSystemProperty(named = TestDatabase.PROPERTY, matches = "postgresql")
class CommitOrderTest {

    private static final String SOURCE = "{\"title\":\"Commit order test\"}";

    @Test
    void aWriteWaitsForAnOpenAppendAndComesAfterIt(@TempDir Path dir) throws Exception {
        List<String> arguments = new ArrayList<>(TestDatabase.postgresArguments(TestPostgres.freshDatabase()));
        arguments.add("--ledger.data-dir=" + dir);
        try (RunningLedger node = RunningLedger.start(arguments)) {
            JdbcTemplate db = node.context().getBean(JdbcTemplate.class);
            EventStorageEngine store = node.context().getBean(EventStorageEngine.class);
            TransactionTemplate transactions = node.context().getBean(TransactionTemplate.class);

            // a long transaction (as an import's commit is) appends events and stays open
            CountDownLatch appended = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Void> longTransaction = CompletableFuture.runAsync(
                    () -> transactions.executeWithoutResult(status -> {
                        List<GenericDomainEventMessage<String>> events = new ArrayList<>();
                        for (int i = 0; i < 100; i++) {
                            events.add(new GenericDomainEventMessage<>("Probe", "probe", i, "probe event " + i));
                        }
                        store.appendEvents(events);
                        appended.countDown();
                        try {
                            release.await(60, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }));
            assertThat(appended.await(30, TimeUnit.SECONDS)).isTrue();

            // meanwhile another write (here through HTTP; on another node it is the same) waits for it
            CompletableFuture<HttpResponse<String>> write = CompletableFuture.supplyAsync(
                    () -> node.client().postJson("/api/coalitions", """
                            {"coalition":"later","name":"Later","effectiveDate":"2020-01","source":%s}"""
                            .formatted(SOURCE)));
            // a write while another append is uncommitted: still waiting a second and a half later
            await().during(Duration.ofMillis(1_500)).atMost(Duration.ofSeconds(5)).until(() -> !write.isDone());

            release.countDown();
            longTransaction.get(30, TimeUnit.SECONDS);
            HttpResponse<String> written = write.get(30, TimeUnit.SECONDS);
            assertThat(written.statusCode()).as(written.body()).isEqualTo(201);
            long lastProbe = db.queryForObject("select max(global_index) from domain_event_entry"
                                                       + " where aggregate_identifier = 'probe'", Long.class);
            long later = db.queryForObject("select global_index from domain_event_entry"
                                                   + " where aggregate_identifier = 'later'", Long.class);
            assertThat(later).isGreaterThan(lastProbe);
        }
    }
}
