package org.coalitionledger.common;

/** Small helpers for echoing user input safely inside error messages. */
public final class Text {

    private static final int ECHO_LIMIT = 80;

    private Text() {
    }

    /** Shortens and strips control characters so that a value can be quoted back in an error message. */
    public static String clip(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        value.codePoints().limit(ECHO_LIMIT).forEach(cp -> {
            if (Character.isISOControl(cp)) {
                out.append('\uFFFD');
            } else {
                out.appendCodePoint(cp);
            }
        });
        return value.codePointCount(0, value.length()) > ECHO_LIMIT ? out + "…" : out.toString();
    }
}
