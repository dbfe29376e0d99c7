package org.coalitionledger.admin;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectionHealthTest {

    private static final Map<String, Long> CAUGHT_UP = new TreeMap<>(Map.of("membership", 0L, "history", 100L));

    @Test
    void upWhileEveryProjectionIsWithinTheLag() {
        Health health = new ProjectionHealth(() -> CAUGHT_UP, group -> Optional.empty(), 100).measure();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("membership", "0 events behind")
                .containsEntry("history", "100 events behind");
    }

    @Test
    void downWhenOneLagsBeyondTheLimitNamingIt() {
        Health health = new ProjectionHealth(() -> CAUGHT_UP, group -> Optional.empty(), 99).measure();
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("history", "100 events behind (more than 99)")
                .containsEntry("membership", "0 events behind");
    }

    @Test
    void downWhileOneRebuilds() {
        RebuildService.Progress rebuild = new RebuildService.Progress("membership", "REBUILDING", 40, 120, 10.0,
                                                                      Instant.EPOCH, null);
        Health health = new ProjectionHealth(() -> CAUGHT_UP, group -> Optional.of(rebuild)
                .filter(r -> r.group().equals(group)), 1_000).measure();
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("membership", "rebuilding: 40 of 120 events");
    }

    @Test
    void lagIsTheHeadLessTheSlowestSegment() {
        assertThat(ProjectionLag.lag(50, List.of(50L, 20L))).isEqualTo(30);
        assertThat(ProjectionLag.lag(50, List.of())).isEqualTo(50);
        assertThat(ProjectionLag.lag(0, List.of(0L))).isZero();
    }
}
