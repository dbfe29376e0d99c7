package org.coalitionledger.common;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One party's acts of one kind of relationship (membership of a coalition, commitment under an agreement), in
 * effective-date order, and the plumbing every such timeline shares: adding, correcting and retracting acts, and
 * checking a change by placing it on the whole timeline and walking it from the start. Acts may be recorded late and
 * out of order, so the rules hold on the effective-date timeline, not in recording order. Subclasses say what the
 * rules are in {@link #walk}.
 *
 * @param <K> the kinds of act, declared in the order they take effect when they fall on the same day
 */
public abstract class Timeline<K extends Enum<K> & Timeline.Kind> {

    /** A kind of act, with the words used for it in messages. */
    public interface Kind {
        String label();
    }

    /** An act: its kind, effective date, record id, and its place in recording order. */
    public record Act<K>(K kind, PartialDate date, String recordId, long order) {
    }

    private final Comparator<Act<K>> effectiveOrder =
            (a, b) -> effectiveOrder(a.date(), a.kind(), a.order(), b.date(), b.kind(), b.order());

    /**
     * The order in which acts take effect, here and in the projections' folds: effective date (the start of its
     * window), then kind (in declaration order), then recording order. Written out, not chained from
     * {@code Comparator.comparing}: it runs on every act of every check and every fold.
     */
    public static int effectiveOrder(PartialDate dateA, Enum<?> kindA, long orderA,
                                     PartialDate dateB, Enum<?> kindB, long orderB) {
        int byDate = dateA.start().compareTo(dateB.start());
        if (byDate != 0) {
            return byDate;
        }
        int byKind = Integer.compare(kindA.ordinal(), kindB.ordinal());
        return byKind != 0 ? byKind : Long.compare(orderA, orderB);
    }

    protected final String party;
    private final List<Act<K>> acts = new ArrayList<>();

    protected Timeline(String party) {
        this.party = party;
    }

    /** Adds an act; the acts are kept in effective-date order, so that a check never sorts. */
    public void add(Act<K> act) {
        acts.add(place(acts, act), act);
    }

    /** Where {@code act} goes in {@code ordered}: searched from the end, where acts recorded in order land. */
    private int place(List<Act<K>> ordered, Act<K> act) {
        int at = ordered.size();
        while (at > 0 && effectiveOrder.compare(ordered.get(at - 1), act) > 0) {
            at--;
        }
        return at;
    }

    /** A copy of the acts with {@code act} in its place, and {@code without} (when not null) left out. */
    private List<Act<K>> with(Act<K> act, Act<K> without) {
        List<Act<K>> timeline = new ArrayList<>(acts.size() + 1);
        for (Act<K> each : acts) {
            if (each != without) {
                timeline.add(each);
            }
        }
        timeline.add(place(timeline, act), act);
        return timeline;
    }

    /** The act with this record id. */
    public Act<K> find(String recordId) {
        return acts.stream().filter(act -> act.recordId().equals(recordId)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no act " + recordId + " of " + party));
    }

    /** The acts in effective-date order, as they stand. */
    public List<Act<K>> acts() {
        return List.copyOf(acts);
    }

    public void correct(String recordId, PartialDate date) {
        Act<K> old = find(recordId);
        acts.remove(old);
        add(new Act<>(old.kind(), date, recordId, old.order()));
    }

    public void retract(String recordId) {
        acts.remove(find(recordId));
    }

    /**
     * Throws a {@link Rejection} when {@code candidate} cannot join the timeline: when it breaks a rule itself, or
     * when it would make an act already recorded break one.
     */
    public void check(Act<K> candidate) {
        walk(with(candidate, null), candidate, "this " + candidate.kind().label() + " dated " + candidate.date());
    }

    /**
     * Throws a {@link Rejection} when moving the act {@code recordId} to {@code date} changes nothing or would break
     * a rule; answers the date it has now.
     */
    public PartialDate checkCorrection(String recordId, PartialDate date) {
        Act<K> old = find(recordId);
        if (old.date().text().equals(date.text())) {
            throw Rejection.conflict("effectiveDate", "record '" + recordId + "' is already dated " + date);
        }
        Act<K> moved = new Act<>(old.kind(), date, recordId, old.order());
        walk(with(moved, old), moved, "correcting the " + old.kind().label() + " of " + old.date() + " to " + date);
        return old.date();
    }

    /** Throws a {@link Rejection} when taking the act {@code recordId} away would break a rule. */
    public void checkRetraction(String recordId) {
        Act<K> old = find(recordId);
        List<Act<K>> timeline = new ArrayList<>(acts);
        timeline.remove(old);
        walk(timeline, null, "retracting the " + old.kind().label() + " of " + old.date());
    }

    /**
     * Walks the timeline in effective-date order and calls {@link #refuse} at the first act that breaks a rule.
     *
     * @param focus  the act being added or moved (null for a retraction)
     * @param action what is being done, for messages ("this join dated 2024-01")
     */
    protected abstract void walk(List<Act<K>> timeline, Act<K> focus, String action);

    /** Refuses the change: by the act's own rule when it is the one being changed, else as a contradiction. */
    protected static <K extends Enum<K> & Kind> Rejection refuse(Act<K> act, Act<K> focus, String action,
                                                                 String field, String problem) {
        if (act == focus) {
            return Rejection.conflict(field, problem);
        }
        return Rejection.conflict(focus == null ? "recordId" : "effectiveDate", action + " contradicts the "
                + act.kind().label() + " recorded for " + act.date() + " (record " + act.recordId() + "): "
                + problem);
    }

    /** The party in words: "Netherlands (NL)". */
    public String who() {
        return Parties.nameOf(party) + " (" + party + ")";
    }

    /** Equal when it holds the same acts for the same party (Axon's test fixture compares aggregate state). */
    @Override
    public boolean equals(Object other) {
        return other != null && other.getClass() == getClass() && party.equals(((Timeline<?>) other).party)
                && acts.equals(((Timeline<?>) other).acts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(getClass(), party, acts);
    }
}
