package org.coalitionledger.it;

import java.util.List;
import java.util.Locale;

/** Import lines in the shape of docs/examples/it-coalition.jsonl, as many as a load or kill test needs. */
final class BulkLines {

    private static final List<String> PARTIES = List.of(Locale.getISOCountries());
    private static final String SOURCE = "{\"title\":\"Bulk load\"}";

    private BulkLines() {
    }

    /**
     * {@code coalitions} coalitions named {@code prefix-0}, {@code prefix-1}, …, each formed in January 2020 and
     * joined by {@code joinsEach} states (at most one per ISO country) in 2023.
     */
    static String of(String prefix, int coalitions, int joinsEach) {
        StringBuilder lines = new StringBuilder();
        for (int c = 0; c < coalitions; c++) {
            lines.append("""
                    {"command":"FormCoalition","coalition":"%1$s-%2$d","name":"Coalition %2$d",\
                    "effectiveDate":"2020-01","source":%3$s}
                    """.formatted(prefix, c, SOURCE));
            for (int p = 0; p < joinsEach; p++) {
                lines.append("""
                        {"command":"JoinCoalition","coalition":"%s-%d","party":"%s","effectiveDate":"2023-%02d",\
                        "source":%s}
                        """.formatted(prefix, c, PARTIES.get(p), 1 + p % 12, SOURCE));
            }
        }
        return lines.toString();
    }
}
