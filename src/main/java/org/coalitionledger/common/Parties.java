package org.coalitionledger.common;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** States as parties: ISO 3166-1 alpha-2 codes, checked against the JDK's list, with their English names. */
public final class Parties {

    private static final Set<String> CODES = Set.of(Locale.getISOCountries());

    /**
     * Codes people write for a state that are not its ISO 3166-1 alpha-2 code: the standard's exceptionally and
     * transitionally reserved codes, and the EU's own abbreviations (EL for Greece, UK for the United Kingdom), each
     * with the state's code; null where the code stands for no single state.
     */
    private static final Map<String, String> OTHER_CODES = Map.ofEntries(
            Map.entry("UK", "GB"), Map.entry("EL", "GR"), Map.entry("FX", "FR"), Map.entry("CP", "FR"),
            Map.entry("DG", "IO"), Map.entry("EA", "ES"), Map.entry("IC", "ES"), Map.entry("AC", "SH"),
            Map.entry("TA", "SH"), Map.entry("BU", "MM"), Map.entry("TP", "TL"), Map.entry("ZR", "CD"),
            Map.entry("UN", ""), Map.entry("EU", ""), Map.entry("EZ", ""), Map.entry("SU", ""), Map.entry("YU", ""),
            Map.entry("CS", ""), Map.entry("DD", ""), Map.entry("AN", ""));

    /** What the codes of {@link #OTHER_CODES} that stand for no single state stand for. */
    private static final Map<String, String> NOT_A_STATE = Map.of(
            "UN", "the United Nations", "EU", "the European Union", "EZ", "the eurozone",
            "SU", "the former Soviet Union", "YU", "the former Yugoslavia", "CS", "the former Serbia and Montenegro",
            "DD", "the former German Democratic Republic", "AN", "the former Netherlands Antilles");

    private Parties() {
    }

    public static boolean isKnown(String code) {
        return code != null && CODES.contains(code);
    }

    /**
     * A hint for a code that is not a state's: the code it probably meant ("did you mean GB (United Kingdom)?") or
     * why there is none ("EU stands for the European Union, not one state; record its member states").
     */
    public static Optional<String> hintFor(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String upper = code.toUpperCase(Locale.ROOT);
        if (!upper.equals(code) && isKnown(upper)) {
            return Optional.of("did you mean " + upper + " (" + nameOf(upper) + ")?");
        }
        String meant = OTHER_CODES.get(upper);
        if (meant == null) {
            return Optional.empty();
        }
        if (meant.isEmpty()) {
            return Optional.of(upper + " stands for " + NOT_A_STATE.get(upper)
                                       + ", not one state: record each state by its own code");
        }
        return Optional.of("did you mean " + meant + " (" + nameOf(meant) + ")?");
    }

    /** The English short name of a known code, e.g. "GB" → "United Kingdom". */
    public static String nameOf(String code) {
        if (!isKnown(code)) {
            return code;
        }
        return new Locale("", code).getDisplayCountry(Locale.ENGLISH);
    }
}
