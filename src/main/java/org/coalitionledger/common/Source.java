package org.coalitionledger.common;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * The citation an act was recorded from. Either a title or a URL is required; the rest is optional.
 *
 * @param title       the title of the report, post or document
 * @param url         where it can be read (http or https)
 * @param publisher   who published it
 * @param publishedOn when it was published (YYYY-MM-DD, YYYY-MM or YYYY)
 * @param quote       the passage that supports the act
 * @param evidence    the SHA-256 (lowercase hex) of each stored evidence file that keeps the source (a copy of the
 *                    page, the PDF); left out of the stored event when there is none, so that an event without
 *                    evidence is stored, and hashed, exactly as before evidence existed
 */
public record Source(String title, String url, String publisher, String publishedOn, String quote,
                     @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> evidence) {

    /** A citation without evidence. */
    public Source(String title, String url, String publisher, String publishedOn, String quote) {
        this(title, url, publisher, publishedOn, quote, null);
    }

    /** The evidence hashes, empty when there are none. */
    public List<String> evidenceOrEmpty() {
        return evidence == null ? List.of() : evidence;
    }
}
