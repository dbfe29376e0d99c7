package org.coalitionledger.agreement.command;

import org.coalitionledger.common.PartialDate;
import org.coalitionledger.common.Parties;
import org.coalitionledger.common.Rejection;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One state's signatures and withdrawals under one agreement, and the rules they obey together on the
 * effective-date timeline. A signature on S commits the party for [S, S + term); a withdrawal on W ends it on W.
 * Signing again while a commitment is active is refused; after a withdrawal or an expiry a new signature starts a
 * new commitment.
 */
final class CommitmentTimeline {

    /** The kinds of act, in the order they take effect when they fall on the same day. */
    enum Kind {
        WITHDRAW("withdrawal"), SIGN("signature");

        private final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    record Act(Kind kind, PartialDate date, String recordId, long order) {
    }

    private static final Comparator<Act> EFFECTIVE_ORDER = Comparator
            .comparing((Act act) -> act.date().start())
            .thenComparing(Act::kind)
            .thenComparingLong(Act::order);

    private final String agreement;
    private final String party;
    private final List<Act> acts = new ArrayList<>();

    CommitmentTimeline(String agreement, String party) {
        this.agreement = agreement;
        this.party = party;
    }

    void add(Act act) {
        acts.add(act);
    }

    /** Throws a {@link Rejection} when {@code candidate} breaks a rule or makes a recorded act break one. */
    void check(Act candidate, Period term) {
        List<Act> timeline = new ArrayList<>(acts);
        timeline.add(candidate);
        walk(timeline, term, candidate, "this " + candidate.kind().label + " dated " + candidate.date());
    }

    /** Throws a {@link Rejection} when moving the act {@code recordId} to {@code date} would break a rule. */
    void checkCorrection(String recordId, PartialDate date, Period term) {
        Act old = find(recordId);
        Act moved = new Act(old.kind(), date, recordId, old.order());
        List<Act> timeline = new ArrayList<>(acts);
        timeline.set(timeline.indexOf(old), moved);
        walk(timeline, term, moved, "correcting the " + old.kind().label + " of " + old.date() + " to " + date);
    }

    /** Throws a {@link Rejection} when taking the act {@code recordId} away would break a rule. */
    void checkRetraction(String recordId, Period term) {
        Act old = find(recordId);
        List<Act> timeline = new ArrayList<>(acts);
        timeline.remove(old);
        walk(timeline, term, null, "retracting the " + old.kind().label + " of " + old.date());
    }

    void correct(String recordId, PartialDate date) {
        Act old = find(recordId);
        acts.set(acts.indexOf(old), new Act(old.kind(), date, recordId, old.order()));
    }

    void retract(String recordId) {
        acts.remove(find(recordId));
    }

    /** The kind and date of an act of this timeline. */
    Act find(String recordId) {
        return acts.stream().filter(act -> act.recordId().equals(recordId)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no act " + recordId + " of " + party));
    }

    private void walk(List<Act> timeline, Period term, Act focus, String action) {
        timeline.sort(EFFECTIVE_ORDER);

        Act signature = null;
        LocalDate end = null;
        for (int i = 0; i < timeline.size(); i++) {
            Act act = timeline.get(i);
            LocalDate day = act.date().start();
            if (signature != null && !day.isBefore(end)) {
                signature = null;
            }
            String problem = null;
            String field = "party";
            if (act.kind() == Kind.SIGN) {
                if (signature != null) {
                    problem = who() + " already signed " + agreement + " on " + signature.date()
                            + " and is committed until " + end + "; a new signature can follow a withdrawal or"
                            + " the end of the term";
                } else {
                    signature = act;
                    end = day.plus(term);
                }
            } else if (signature == null && signedOnSameDay(timeline, i)) {
                field = "effectiveDate";
                problem = "a withdrawal must come after the signature: " + who() + " signed " + agreement + " on "
                        + act.date();
            } else if (signature == null) {
                problem = who() + " has no active commitment under " + agreement + " on " + act.date()
                        + " to withdraw from";
            } else if (day.equals(signature.date().start())) {
                field = "effectiveDate";
                problem = "a withdrawal must come after the signature: " + who() + " signed " + agreement + " on "
                        + signature.date();
            } else {
                signature = null;
            }
            if (problem != null) {
                if (act == focus) {
                    throw Rejection.conflict(field, problem);
                }
                throw Rejection.conflict(focus == null ? "recordId" : "effectiveDate", action
                        + " contradicts the " + act.kind().label + " recorded for " + act.date()
                        + " (record " + act.recordId() + "): " + problem);
            }
        }
    }

    private static boolean signedOnSameDay(List<Act> timeline, int index) {
        LocalDate day = timeline.get(index).date().start();
        return timeline.stream().skip(index + 1L)
                .takeWhile(next -> next.date().start().equals(day))
                .anyMatch(next -> next.kind() == Kind.SIGN);
    }

    private String who() {
        return Parties.nameOf(party) + " (" + party + ")";
    }

    /** Equal when it holds the same acts for the same party (Axon's test fixture compares aggregate state). */
    @Override
    public boolean equals(Object other) {
        return other instanceof CommitmentTimeline that && agreement.equals(that.agreement) && party.equals(that.party)
                && acts.equals(that.acts);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(agreement, party, acts);
    }
}
