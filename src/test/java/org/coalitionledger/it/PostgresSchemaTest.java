package org.coalitionledger.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.test.context.SpringBootTest;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PostgreSQL schema avoids the known pitfalls of Axon on PostgreSQL: binary columns are BYTEA (never OID large
 * objects), the global index sequence counts by one without a cache, and the event timestamp is indexed.
 */
@EnabledIfSystemProperty(named = TestDatabase.PROPERTY, matches = "postgresql")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PostgresSchemaTest extends SharedLedgerHttpTest {

    @Test
    void axonsBinaryColumnsAreByteaAndNothingIsAnOid() {
        assertThat(jdbc.queryForObject("select count(*) from information_schema.columns where table_schema = 'public'"
                                               + " and data_type = 'oid'", Long.class)).isZero();
        List<Map<String, Object>> binary = jdbc.queryForList(
                "select table_name, column_name, data_type from information_schema.columns"
                        + " where table_schema = 'public' and column_name in ('payload', 'meta_data', 'token')"
                        + " order by table_name, column_name");
        assertThat(binary).extracting(row -> row.get("table_name") + "." + row.get("column_name"))
                .containsExactly("domain_event_entry.meta_data", "domain_event_entry.payload",
                                 "snapshot_event_entry.meta_data", "snapshot_event_entry.payload", "token_entry.token");
        assertThat(binary).allMatch(row -> row.get("data_type").equals("bytea"));
    }

    @Test
    void theGlobalIndexCountsByOneWithoutPooledAllocation() {
        Map<String, Object> sequence = jdbc.queryForMap(
                "select increment_by, cache_size from pg_sequences"
                        + " where sequencename = (select split_part(pg_get_serial_sequence('domain_event_entry',"
                        + " 'global_index'), '.', 2))");
        assertThat(((Number) sequence.get("increment_by")).longValue()).isEqualTo(1);
        assertThat(((Number) sequence.get("cache_size")).longValue()).isEqualTo(1);

        String coalition = uniqueId("counted");
        Response formed = post("/api/coalitions", """
                {"coalition":"%s","name":"Counted","effectiveDate":"2020-01","source":%s}"""
                .formatted(coalition, SOURCE));
        assertThat(formed.status()).as(formed.text()).isEqualTo(201);
        for (String party : List.of("LV", "LT", "EE")) {
            assertThat(post("/api/coalitions/" + coalition + "/members", """
                    {"party":"%s","effectiveDate":"2021-01","source":%s}""".formatted(party, SOURCE)).status())
                    .isEqualTo(201);
        }
        // this test's own four events, written one after another, have four consecutive indexes
        List<Long> indexes = jdbc.queryForList("select global_index from domain_event_entry"
                                                       + " where aggregate_identifier = ? order by global_index",
                                               Long.class, coalition);
        assertThat(indexes).hasSize(4);
        for (int i = 1; i < indexes.size(); i++) {
            assertThat(indexes.get(i)).isEqualTo(indexes.get(i - 1) + 1);
        }
    }

    @Test
    void theEventTimestampIsIndexed() {
        assertThat(jdbc.queryForList("select indexdef from pg_indexes where tablename = 'domain_event_entry'",
                                     String.class))
                .anyMatch(definition -> definition.contains("(time_stamp)"));
    }
}
