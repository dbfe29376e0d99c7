package org.coalitionledger.web;

import java.time.LocalDate;
import org.coalitionledger.common.Rejection;

import java.util.ArrayList;
import java.util.List;

/** Runs checks that throw a {@link Rejection} and keeps every rejection instead of stopping at the first. */
public final class FieldChecks {

    private final List<Rejection> found = new ArrayList<>();
    private final LocalDate today;

    /** {@code today} decides what "the future" is for effective dates (the injected clock's day). */
    public FieldChecks(LocalDate today) {
        this.today = today;
    }

    public LocalDate today() {
        return today;
    }

    /** Runs one check; a rejection it throws is kept. */
    public FieldChecks check(Runnable check) {
        try {
            check.run();
        } catch (Rejection rejection) {
            found.add(rejection);
        }
        return this;
    }

    /** Runs a check only when the value is there (an id that may also come from the path). */
    public FieldChecks checkIfPresent(Object value, Runnable check) {
        return value == null ? this : check(check);
    }

    public List<Rejection> found() {
        return List.copyOf(found);
    }
}
