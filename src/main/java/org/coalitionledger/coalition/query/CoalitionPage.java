package org.coalitionledger.coalition.query;

import java.util.List;

/** One page of coalitions with their leads and member counts, and how many coalitions there are in all. */
public record CoalitionPage(List<CoalitionSummary> coalitions, int page, int size, long total) {

    /** The number of pages (at least 1, so that an empty ledger has one empty page). */
    public long pages() {
        return Math.max(1, (total + size - 1) / size);
    }
}
