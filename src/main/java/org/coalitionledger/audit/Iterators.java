package org.coalitionledger.audit;

import java.util.Iterator;
import java.util.function.Function;

/** Lazy iteration helpers shared by the online verify and the offline verifier (plain Java only). */
final class Iterators {

    private Iterators() {
    }

    /** The elements of {@code source}, each changed by {@code mapper} as it is read. */
    static <A, B> Iterator<B> map(Iterator<A> source, Function<A, B> mapper) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return source.hasNext();
            }

            @Override
            public B next() {
                return mapper.apply(source.next());
            }
        };
    }
}
