package org.coalitionledger.admin;

import org.axonframework.config.EventProcessingConfiguration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How many events each projection is behind the event store: the head's global index less the position of the
 * projection's slowest segment (as its stored tokens say, whichever node processes it). Read from the database at
 * every call; for readiness and the {@code ledger.projection.lag} gauge.
 */
@Component
public class ProjectionLag {

    private final JdbcTemplate jdbc;
    private final TokenPositions positions;
    private final EventProcessingConfiguration processing;

    ProjectionLag(JdbcTemplate jdbc, TokenPositions positions, EventProcessingConfiguration processing) {
        this.jdbc = jdbc;
        this.positions = positions;
        this.processing = processing;
    }

    /** The projections' processing groups, in name order. */
    public List<String> groups() {
        return processing.eventProcessors().keySet().stream().sorted().toList();
    }

    /** Every group's lag, in name order. */
    public Map<String, Long> all() {
        long head = head();
        Map<String, Long> lags = new TreeMap<>();
        for (String group : groups()) {
            lags.put(group, lag(head, positions.of(group)));
        }
        return lags;
    }

    /** One group's lag. */
    public long of(String group) {
        return lag(head(), positions.of(group));
    }

    static long lag(long head, List<Long> segments) {
        long slowest = segments.stream().mapToLong(Long::longValue).min().orElse(0);
        return Math.max(0, head - slowest);
    }

    private long head() {
        Long head = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        return head == null ? 0 : head;
    }
}
