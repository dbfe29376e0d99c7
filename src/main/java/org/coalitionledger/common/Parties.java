package org.coalitionledger.common;

import java.util.Locale;
import java.util.Set;

/** States as parties: ISO 3166-1 alpha-2 codes, checked against the JDK's list, with their English names. */
public final class Parties {

    private static final Set<String> CODES = Set.of(Locale.getISOCountries());

    private Parties() {
    }

    public static boolean isKnown(String code) {
        return code != null && CODES.contains(code);
    }

    /** The English short name of a known code, e.g. "GB" → "United Kingdom". */
    public static String nameOf(String code) {
        if (!isKnown(code)) {
            return code;
        }
        return new Locale("", code).getDisplayCountry(Locale.ENGLISH);
    }
}
