package org.coalitionledger.review.web;

import java.util.List;

/**
 * The body of {@code POST /api/reviews/{id}/findings}: the act's record id, the verdict (CONFIRMED, DISPUTED or
 * SOURCE_UNAVAILABLE), a comment (required unless CONFIRMED) and optional evidence hashes.
 */
public record FindingRequest(String recordId, String verdict, String comment, List<String> evidence) {
}
