package org.coalitionledger.coalition.query;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.coalitionledger.coalition.event.CoalitionFormed;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A coalition: its name, group and focus areas, and when the ledger learnt of it. Its formation date is kept on both
 * clocks apart ({@link FormationRow}), since a correction may move it.
 */
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
    @Column(name = "known_from")
    private Instant knownFrom;

    protected CoalitionView() {
    }

    CoalitionView(CoalitionFormed event, Instant recordedAt) {
        this.id = event.coalition();
        this.name = event.name();
        this.parentGroup = event.parentGroup();
        this.focusAreas = String.join("\n", event.focusAreas() == null ? List.of() : event.focusAreas());
        this.knownFrom = recordedAt;
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

    Instant knownFrom() {
        return knownFrom;
    }

    boolean knownAt(Instant knownAt) {
        return !knownFrom.isAfter(knownAt);
    }
}
