package org.coalitionledger.ui;

import org.coalitionledger.common.ActKind;
import org.coalitionledger.common.Precision;
import org.coalitionledger.review.event.Verdict;
import org.coalitionledger.support.RecordTime;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;

/**
 * Words for what the pages show, used from the templates as {@code @labels}: acts, precision markers, links that
 * may be followed. Every value is still escaped by the template; this only decides what to say.
 */
@Component("labels")
public class Labels {

    /** What an act did, in a few words. */
    public String act(String command) {
        return command == null ? "" : ActKind.ofCommand(command).map(ActKind::label)
                .orElse(REVIEW_EVENTS.getOrDefault(command, command));
    }

    /** True for a review event of the event log (a review opened, a finding given, a review completed). */
    public boolean isReviewEvent(String command) {
        return REVIEW_EVENTS.containsKey(command);
    }

    private static final java.util.Map<String, String> REVIEW_EVENTS = java.util.Map.of(
            "OpenReview", "review opened", "GiveFinding", "finding given", "CompleteReview", "review completed");

    /** The marker of an imprecise date: "≈ month precision", "≈ year precision", "≈ within a range" or nothing. */
    public String precision(Precision precision) {
        if (precision == null || precision == Precision.DAY) {
            return "";
        }
        if (precision == Precision.RANGE) {
            return "≈ within a range";
        }
        return "≈ " + precision.name().toLowerCase() + " precision";
    }

    /** True when a date of this precision stands for a window wider than a day. */
    public boolean imprecise(Precision precision) {
        return precision != null && precision != Precision.DAY;
    }

    /** A record time as shown on the pages: {@code 2026-12-01 16:07:04 UTC} ({@link RecordTime#shown}). */
    public String time(Instant instant) {
        return RecordTime.shown(instant);
    }

    /** True when an act of this kind may have its date corrected: the same rule as the aggregates'. */
    public boolean correctable(String command) {
        return ActKind.ofCommand(command).map(ActKind::correctable).orElse(false);
    }

    /** True when an act of this kind may be retracted: the same rule as the aggregates'. */
    public boolean retractable(String command) {
        return ActKind.ofCommand(command).map(ActKind::retractable).orElse(false);
    }

    /** Only absolute http and https URLs become links; anything else is shown as text. */
    public boolean linkable(String url) {
        if (url == null || url.isBlank()) {
            return false;
        }
        try {
            URI uri = new URI(url);
            return uri.getScheme() != null && uri.getHost() != null
                    && (uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** A review verdict in words, with a sign, so that it never rests on colour alone. */
    public String verdict(Verdict verdict) {
        return switch (verdict) {
            case CONFIRMED -> "✓ confirmed";
            case DISPUTED -> "⚠ disputed";
            case SOURCE_UNAVAILABLE -> "⚠ source unavailable";
        };
    }
}
