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

/** A coalition: its name, group, focus areas and formation, and when the ledger learnt of it. */
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
    @Column(name = "known_from")
    private Instant knownFrom;

    protected CoalitionView() {
    }

    CoalitionView(CoalitionFormed event, Instant recordedAt) {
        this.id = event.coalition();
        this.name = event.name();
        this.parentGroup = event.parentGroup();
        this.focusAreas = String.join("\n", event.focusAreas() == null ? List.of() : event.focusAreas());
        this.formedOn = event.effectiveDate().text();
        this.formedStart = event.effectiveDate().start();
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

    PartialDate formedOn() {
        return PartialDate.parse(formedOn);
    }

    /** The formation as corrected. */
    void formedOn(PartialDate date) {
        this.formedOn = date.text();
        this.formedStart = date.start();
    }

    boolean knownAt(Instant knownAt) {
        return !knownFrom.isAfter(knownAt);
    }


}
