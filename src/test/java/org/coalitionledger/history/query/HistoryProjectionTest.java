package org.coalitionledger.history.query;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.coalitionledger.coalition.event.CoalitionFormed;
import org.coalitionledger.coalition.event.CoalitionJoined;
import org.coalitionledger.common.PartialDate;
import org.coalitionledger.common.RecordMetadata;
import org.coalitionledger.common.RecordedAct;
import org.coalitionledger.common.Source;
import org.coalitionledger.it.LedgerHttpTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The history projection fed its events directly, on the real schema: outside a unit of work each act is written at
 * once; inside one (a processor batch) the batch's acts are written together when it commits, and not at all when it
 * rolls back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@Transactional
class HistoryProjectionTest {

    private static final Source SOURCE = new Source("Report", "https://example.org/report", "Ministry", "2024-02",
                                                    "“Quoted”", List.of("a".repeat(64), "b".repeat(64)));
    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("ledger.data-dir", LedgerHttpTestSupport.oneFreshDataDir());
    }

    @Autowired
    HistoryProjection projection;

    @Autowired
    JdbcTemplate db;

    private final String coalition = "history-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void anActIsReadBackWithItsSourceAndWhoRecordedItWhen() {
        Instant recordedAt = Instant.parse("2024-03-01T10:00:00.123456Z");
        projection.on(formed(), message(formed(), recordedAt));
        CoalitionJoined joined = new CoalitionJoined("j-" + coalition, coalition, "NL",
                                                     PartialDate.parse("2024-01"), SOURCE, "late entry");
        projection.on(joined, message(joined, recordedAt.plusSeconds(60)));

        HistoryResponse history = projection.handle(new FetchHistoryQuery(coalition, NOW)).orElseThrow();
        assertThat(history.entries()).extracting(HistoryResponse.Entry::recordId)
                .containsExactly("f-" + coalition, "j-" + coalition);
        HistoryResponse.Entry formation = history.entries().get(0);
        assertThat(formation.details()).containsEntry("name", "Formed in a test")
                .containsEntry("focusAreas", List.of("cyber"));
        HistoryResponse.Entry join = history.entries().get(1);
        assertThat(join.party()).isEqualTo("NL");
        assertThat(join.effectiveDate()).isEqualTo("2024-01");
        assertThat(join.source()).isEqualTo(SOURCE);
        assertThat(join.notes()).isEqualTo("late entry");
        assertThat(join.recordedBy()).isEqualTo("tester");
        // record times are kept to the millisecond, as Axon stores event timestamps
        assertThat(join.recordedAt()).isEqualTo(Instant.parse("2024-03-01T10:01:00.123Z"));
        // known at a moment before the join was recorded, the history holds the formation only
        assertThat(projection.handle(new FetchHistoryQuery(coalition, recordedAt.plusSeconds(30))).orElseThrow()
                           .entries()).hasSize(1);
    }

    @Test
    void theActsOfAProcessorBatchAreWrittenTogetherWhenItCommits() {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        projection.on(formed(), message(formed(), Instant.parse("2024-03-01T10:00:00Z")));
        for (String party : List.of("EE", "LV", "LT")) {
            CoalitionJoined joined = new CoalitionJoined(party + "-" + coalition, coalition, party,
                                                         PartialDate.parse("2024-02-14"), SOURCE, null);
            projection.on(joined, message(joined, Instant.parse("2024-03-01T10:00:01Z")));
        }
        assertThat(rows()).as("nothing written before the batch commits").isZero();
        batch.commit();
        assertThat(rows()).isEqualTo(4);
        assertThat(projection.handle(new FetchHistoryQuery(coalition, NOW)).orElseThrow().entries())
                .extracting(HistoryResponse.Entry::party).containsExactly(null, "EE", "LV", "LT");
    }

    @Test
    void aBatchThatRollsBackWritesNothing() {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        projection.on(formed(), message(formed(), Instant.parse("2024-03-01T10:00:00Z")));
        batch.rollback();
        assertThat(rows()).isZero();
    }

    private CoalitionFormed formed() {
        return new CoalitionFormed("f-" + coalition, coalition, "Formed in a test", "UDCG", List.of("cyber"),
                                   PartialDate.parse("2020"), SOURCE, null);
    }

    private static EventMessage<?> message(RecordedAct act, Instant recordedAt) {
        return new GenericEventMessage<>(UUID.randomUUID().toString(), act,
                                         MetaData.with(RecordMetadata.RECORDED_BY, "tester"), recordedAt);
    }

    private long rows() {
        Long count = db.queryForObject("select count(*) from history_entry where coalition_id = ?", Long.class,
                                       coalition);
        return count == null ? 0 : count;
    }
}
