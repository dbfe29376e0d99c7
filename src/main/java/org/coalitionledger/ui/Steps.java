package org.coalitionledger.ui;

import org.coalitionledger.coalition.query.MemberRole;
import org.coalitionledger.coalition.query.TimelineResponse.Span;
import org.coalitionledger.common.PartialDate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A party's intervals in one coalition told in words: the tooltips of the chart bars, and the path on the party
 * page ("declared intent 2024-02-01, joined 2024-02-01"), which also tells the steps that lasted no day.
 */
final class Steps {

    private Steps() {
    }

    /** True when the interval lasted no day: intent declared and joined on the same day. */
    static boolean instant(Span span) {
        return span.end() != null && !day(span.end()).isAfter(day(span.start()));
    }

    /** The word of an interval's role: intent, member, lead, suspended, observer. */
    static String role(Span span) {
        return span.role().name().toLowerCase();
    }

    /** A bar's tooltip: "Netherlands: member from 2024-01 (≈ month precision) until 2024-06-01". */
    static String tooltip(String who, Span span, String precision) {
        String start = span.start() + (precision.isEmpty() ? "" : " (" + precision + ")");
        if (instant(span)) {
            return who + ": " + switch (span.role()) {
                case INTENT -> "declared intent on " + start + " and joined the same day";
                case OBSERVER -> "admitted as observer on " + start + " and joined the same day";
                case MEMBER, LEAD, SUSPENDED -> role(span) + " on " + start + ", ended the same day";
            };
        }
        return who + ": " + role(span) + " from " + start + (span.end() == null ? ", still" : " until " + span.end());
    }

    /** The acts behind the intervals in the order they took effect, with their dates. */
    static String path(List<Span> spans) {
        record Step(LocalDate day, int order, String text) {
        }
        List<Step> steps = new ArrayList<>();
        for (Span span : spans) {
            switch (span.role()) {
                case INTENT -> steps.add(new Step(day(span.start()), 2, "declared intent " + span.start()));
                case OBSERVER -> {
                    steps.add(new Step(day(span.start()), 3, "admitted as observer " + span.start()));
                    if (span.end() != null && spans.stream().noneMatch(
                            other -> other.role() == MemberRole.MEMBER && other.start().equals(span.end()))) {
                        steps.add(new Step(day(span.end()), 0, "left " + span.end()));
                    }
                }
                case MEMBER -> {
                    steps.add(new Step(day(span.start()), 4, "joined " + span.start()));
                    if (span.end() != null) {
                        steps.add(new Step(day(span.end()), 0, "left " + span.end()));
                    }
                }
                case SUSPENDED -> {
                    steps.add(new Step(day(span.start()), 5, "suspended " + span.start()));
                    if (span.end() != null && spans.stream().noneMatch(
                            other -> other.role() == MemberRole.MEMBER && span.end().equals(other.end()))) {
                        steps.add(new Step(day(span.end()), 1, "reinstated " + span.end()));
                    }
                }
                case LEAD -> steps.add(new Step(day(span.start()), 6, "became lead " + span.start()));
            }
        }
        return steps.stream().sorted(Comparator.comparing(Step::day).thenComparing(Step::order))
                .map(Step::text).collect(Collectors.joining(", "));
    }

    private static LocalDate day(String date) {
        return PartialDate.parse(date).start();
    }
}
