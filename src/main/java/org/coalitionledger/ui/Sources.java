package org.coalitionledger.ui;

import org.coalitionledger.common.Source;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sources a page cites, as a bibliography: each listed once, numbered in the order the page first cites it,
 * and referred to by that number ("[3]"). Two citations of the same document (title, URL, publisher, date) are one
 * source, whatever passage each quotes.
 */
public final class Sources {

    /** A listed source and its number. */
    public record Cited(int number, Source source) {
    }

    private final Map<Source, Integer> numbers = new LinkedHashMap<>();

    /** The bibliography of these citations, in this order; nulls are skipped. */
    static Sources of(List<Source> citations) {
        Sources sources = new Sources();
        citations.forEach(sources::cite);
        return sources;
    }

    private void cite(Source source) {
        if (source != null) {
            numbers.putIfAbsent(document(source), numbers.size() + 1);
        }
    }

    /** The number of a cited source, or 0 when the page does not cite it. */
    public int number(Source source) {
        return source == null ? 0 : numbers.getOrDefault(document(source), 0);
    }

    /** Every source, in the order of its number. */
    public List<Cited> list() {
        List<Cited> list = new ArrayList<>();
        numbers.forEach((source, number) -> list.add(new Cited(number, source)));
        return list;
    }

    private static Source document(Source source) {
        return new Source(source.title(), source.url(), source.publisher(), source.publishedOn(), null);
    }
}
