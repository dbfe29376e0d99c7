package org.coalitionledger.agreement.query;

import org.coalitionledger.agreement.query.CommitmentFold.Act;
import org.coalitionledger.agreement.query.CommitmentFold.CommitmentPeriod;
import org.coalitionledger.agreement.query.CommitmentFold.Kind;
import org.coalitionledger.common.PartialDate;
import org.coalitionledger.common.Timeline;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Folds every act under one agreement (signatures, consents, notices, withdrawals and the general entry into force)
 * into the agreement's entry into force and each party's tenures, and those into commitment periods. Shared by the
 * projection and the replay. Lenient, as the aggregate has enforced the rules.
 *
 * <p>The general entry into force is the day of the N-th consent in effective order (plus the delay) when the rule
 * has {@code afterConsents}, else the recorded one. A party whose consent falls on or before it is in force from
 * it; a later consent puts the party in force on the consent's day plus the delay. A notice of withdrawal takes
 * effect on its own date when it gave one, else the notice period after the notice; a withdrawal on its date.
 * Dates given by a source keep their form; dates computed by adding a period are days.
 */
public final class AgreementFold {

    /** What the fold needs of an agreement's registration. */
    public record Rule(boolean fromEntryIntoForce, Period term, Integer afterConsents, Period delay, Period notice) {

        /** From the registration's fields as stored (null: not given; no term: open-ended commitments). */
        public static Rule of(String commitmentStarts, String term, Integer afterConsents, String delay,
                              String notice) {
            return new Rule("ENTRY_INTO_FORCE".equals(commitmentStarts),
                            term == null ? null : Period.parse(term), afterConsents,
                            delay == null ? null : Period.parse(delay), notice == null ? null : Period.parse(notice));
        }
    }

    /** One spell of a party under the agreement, from its first act until a withdrawal that took effect. */
    public record Tenure(Act signed, Act consented, PartialDate inForceFrom, Act notified, PartialDate ended,
                         String endRecordId) {
    }

    /** The agreement's general entry into force (null while it has none) and each party's tenures, by party. */
    public record Result(PartialDate entryIntoForce, Map<String, List<Tenure>> tenures) {
    }

    private static final Comparator<Act> EFFECTIVE_ORDER =
            (a, b) -> Timeline.effectiveOrder(a.date(), a.kind(), a.order(), b.date(), b.kind(), b.order());

    private AgreementFold() {
    }

    /** The day a notice takes effect on. */
    public static PartialDate takesEffect(Act notice, Period noticePeriod) {
        if (notice.takesEffect() != null) {
            return notice.takesEffect();
        }
        return noticePeriod == null ? notice.date() : PartialDate.ofDay(notice.date().start().plus(noticePeriod));
    }

    public static Result fold(Rule rule, List<Act> acts) {
        List<Act> timeline = new ArrayList<>(acts);
        timeline.sort(EFFECTIVE_ORDER);
        PartialDate general = general(rule, timeline);
        Map<String, List<Act>> byParty = new TreeMap<>();
        for (Act act : timeline) {
            if (act.kind() != Kind.ENTRY) {
                byParty.computeIfAbsent(act.party(), p -> new ArrayList<>()).add(act);
            }
        }
        Map<String, List<Tenure>> tenures = new TreeMap<>();
        byParty.forEach((party, list) -> tenures.put(party, tenures(rule, general, list)));
        return new Result(general, tenures);
    }

    private static PartialDate general(Rule rule, List<Act> timeline) {
        if (rule.afterConsents() != null) {
            List<Act> consents = timeline.stream().filter(act -> act.kind() == Kind.CONSENT).toList();
            if (consents.size() < rule.afterConsents()) {
                return null;
            }
            return plus(consents.get(rule.afterConsents() - 1).date(), rule.delay());
        }
        return timeline.stream().filter(act -> act.kind() == Kind.ENTRY).map(Act::date).findFirst().orElse(null);
    }

    private static PartialDate plus(PartialDate date, Period delay) {
        return delay == null ? date : PartialDate.ofDay(date.start().plus(delay));
    }

    /** A tenure being folded. */
    private static final class Spell {
        Act signed;
        Act consented;
        Act notified;
        PartialDate ended;
        String endRecordId;

        Tenure done(Rule rule, PartialDate general) {
            PartialDate inForce = null;
            if (consented != null && general != null) {
                inForce = consented.date().start().isAfter(general.start())
                        ? plus(consented.date(), rule.delay()) : general;
            }
            return new Tenure(signed, consented, inForce, notified, ended, endRecordId);
        }
    }

    private static List<Tenure> tenures(Rule rule, PartialDate general, List<Act> acts) {
        List<Tenure> tenures = new ArrayList<>();
        Spell spell = null;
        for (Act act : acts) {
            LocalDate day = act.date().start();
            if (spell != null && spell.ended != null && !day.isBefore(spell.ended.start())) {
                tenures.add(spell.done(rule, general));
                spell = null;
            }
            switch (act.kind()) {
                case SIGN -> {
                    spell = spell == null ? new Spell() : spell;
                    spell.signed = act;
                }
                case CONSENT -> {
                    spell = spell == null ? new Spell() : spell;
                    if (spell.consented == null) {
                        spell.consented = act;
                    }
                }
                case NOTICE -> {
                    if (spell != null && spell.notified == null) {
                        spell.notified = act;
                        spell.ended = takesEffect(act, rule.notice());
                        spell.endRecordId = act.recordId();
                    }
                }
                case WITHDRAW -> {
                    if (spell != null) {
                        spell.ended = act.date();
                        spell.endRecordId = act.recordId();
                        tenures.add(spell.done(rule, general));
                        spell = null;
                    }
                }
                default -> {
                    // the general entry into force is no party's act
                }
            }
        }
        if (spell != null) {
            tenures.add(spell.done(rule, general));
        }
        return tenures;
    }

    /** Every party's commitment periods under the agreement, by party. */
    public static Map<String, List<CommitmentPeriod>> commitments(Rule rule, List<Act> acts) {
        Map<String, List<CommitmentPeriod>> periods = new TreeMap<>();
        if (!rule.fromEntryIntoForce()) {
            Map<String, List<Act>> byParty = new TreeMap<>();
            for (Act act : acts) {
                if (act.kind() == Kind.SIGN || act.kind() == Kind.WITHDRAW) {
                    byParty.computeIfAbsent(act.party(), p -> new ArrayList<>()).add(act);
                } else if (act.kind() == Kind.NOTICE) {
                    // a notice ends a commitment on the day it takes effect, like a withdrawal of that day
                    byParty.computeIfAbsent(act.party(), p -> new ArrayList<>()).add(new Act(
                            Kind.WITHDRAW, takesEffect(act, rule.notice()), act.recordId(), act.order()));
                }
            }
            byParty.forEach((party, list) -> periods.put(party, CommitmentFold.fold(list, rule.term())));
            return periods;
        }
        fold(rule, acts).tenures().forEach((party, tenures) -> {
            List<CommitmentPeriod> list = new ArrayList<>();
            for (Tenure tenure : tenures) {
                PartialDate start = tenure.inForceFrom();
                if (start == null || tenure.ended() != null && !tenure.ended().start().isAfter(start.start())) {
                    continue;
                }
                LocalDate scheduledEnd = rule.term() == null ? null : start.start().plus(rule.term());
                boolean early = tenure.ended() != null
                        && (scheduledEnd == null || tenure.ended().start().isBefore(scheduledEnd));
                list.add(new CommitmentPeriod(start, tenure.consented().recordId(), scheduledEnd,
                                              early ? tenure.ended() : null, early ? tenure.endRecordId() : null));
            }
            periods.put(party, list);
        });
        return periods;
    }
}
