package org.coalitionledger.coalition.query;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.coalitionledger.coalition.event.CoalitionFormed;
import org.coalitionledger.common.PartialDate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** A coalition as the overview shows it: its name, group, focus and formation, and its last recorded act. */
@Entity
@Table(name = "coalition_view")
class CoalitionView {

    @Id
    private String id;
    private String name;
    @Column(name = "parent_group")
    private String parentGroup;
    @Column(name = "focus_areas")
    private String focusAreas;
    @Column(name = "formed_on")
    private String formedOn;
    @Column(name = "formed_start")
    private LocalDate formedStart;
    @Column(name = "act_count")
    private long actCount;
    @Column(name = "known_from")
    private Instant knownFrom;
    @Column(name = "last_recorded_at")
    private Instant lastRecordedAt;

    protected CoalitionView() {
    }

    CoalitionView(CoalitionFormed event, Instant recordedAt) {
        this.id = event.coalition();
        this.name = event.name();
        this.parentGroup = event.parentGroup();
        this.focusAreas = String.join("\n", event.focusAreas() == null ? List.of() : event.focusAreas());
        this.formedOn = event.effectiveDate().text();
        this.formedStart = event.effectiveDate().start();
        this.actCount = 1;
        this.knownFrom = recordedAt;
        this.lastRecordedAt = recordedAt;
    }

    void recordAct(Instant recordedAt) {
        actCount++;
        lastRecordedAt = recordedAt;
    }

    String id() {
        return id;
    }

    String name() {
        return name;
    }

    String parentGroup() {
        return parentGroup;
    }

    List<String> focusAreas() {
        return focusAreas == null || focusAreas.isEmpty() ? List.of() : Arrays.asList(focusAreas.split("\n"));
    }

    PartialDate formedOn() {
        return PartialDate.parse(formedOn);
    }

    boolean knownAt(Instant knownAt) {
        return !knownFrom.isAfter(knownAt);
    }

    long actCount() {
        return actCount;
    }

    Instant lastRecordedAt() {
        return lastRecordedAt;
    }
}
