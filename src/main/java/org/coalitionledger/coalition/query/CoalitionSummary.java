package org.coalitionledger.coalition.query;

import org.coalitionledger.common.Precision;

import java.util.List;

/** A coalition with its leads and member count on a given day. */
public record CoalitionSummary(String coalition, String name, String parentGroup, List<String> focusAreas,
                               String formedOn, Precision formedPrecision, int memberCount, List<String> leads) {
}
