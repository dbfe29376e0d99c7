package org.coalitionledger.common;

/**
 * The citation an act was recorded from. Either a title or a URL is required; the rest is optional.
 *
 * @param title       the title of the report, post or document
 * @param url         where it can be read (http or https)
 * @param publisher   who published it
 * @param publishedOn when it was published (YYYY-MM-DD, YYYY-MM or YYYY)
 * @param quote       the passage that supports the act
 */
public record Source(String title, String url, String publisher, String publishedOn, String quote) {
}
