package org.coalitionledger.ui;

import org.coalitionledger.common.ActKind;
import org.coalitionledger.common.Precision;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Words for what the pages show, used from the templates as {@code @labels}: acts, precision markers, links that
 * may be followed. Every value is still escaped by the template; this only decides what to say.
 */
@Component("labels")
public class Labels {

    private static final DateTimeFormatter RECORD_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** What an act did, in a few words. */
    public String act(String command) {
        return command == null ? "" : ActKind.ofCommand(command).map(ActKind::label).orElse(command);
    }

    /** The text marker of an imprecise date: "≈ month precision", "≈ year precision", or nothing. */
    public String precision(Precision precision) {
        if (precision == null || precision == Precision.DAY) {
            return "";
        }
        return "≈ " + precision.name().toLowerCase() + " precision";
    }

    /** True when a date of this precision stands for a window wider than a day. */
    public boolean imprecise(Precision precision) {
        return precision != null && precision != Precision.DAY;
    }

    /** A record time as shown on the pages. */
    public String time(Instant instant) {
        return instant == null ? "" : RECORD_TIME.format(instant);
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
}
