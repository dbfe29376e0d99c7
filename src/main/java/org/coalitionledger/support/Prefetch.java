package org.coalitionledger.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Reads a source on a thread of its own, a few batches ahead, mapping each item there, so that reading the event
 * table and hashing overlap. Close it before closing the source.
 */
public final class Prefetch<A, B> implements Iterator<B>, AutoCloseable {

    private static final int BATCH = 256;
    private static final Object END = new Object();

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(16);
    private final Thread thread;
    private volatile boolean closed;
    private Iterator<B> current = Collections.emptyIterator();
    private boolean done;

    public Prefetch(Iterator<A> source, Function<A, B> mapper, String name) {
        thread = new Thread(() -> {
            try {
                List<B> batch = new ArrayList<>(BATCH);
                while (!closed && source.hasNext()) {
                    batch.add(mapper.apply(source.next()));
                    if (batch.size() == BATCH) {
                        put(batch);
                        batch = new ArrayList<>(BATCH);
                    }
                }
                if (!batch.isEmpty()) {
                    put(batch);
                }
                put(END);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException | Error e) {
                try {
                    put(e);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
    }

    private void put(Object item) throws InterruptedException {
        while (!closed) {
            if (queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                return;
            }
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public boolean hasNext() {
        while (!current.hasNext()) {
            if (done) {
                return false;
            }
            Object item;
            try {
                item = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading ahead", e);
            }
            if (item == END) {
                done = true;
                return false;
            }
            if (item instanceof Throwable failure) {
                done = true;
                throw new IllegalStateException("reading ahead failed", failure);
            }
            current = ((List<B>) item).iterator();
        }
        return true;
    }

    @Override
    public B next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return current.next();
    }

    @Override
    public void close() {
        closed = true;
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
