package org.coalitionledger.config;

import org.axonframework.common.AxonThreadFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.spring.config.SpringAxonConfiguration;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;

/**
 * At shutdown, lets the event store's reader finish the read it is in before the connection pool closes.
 * <p>
 * Axon's {@link EmbeddedEventStore} reads ahead for the projections on a thread of its own; its shutdown tells that
 * thread to stop but does not wait for it. A read still running when the pool then closes fails, and Axon logs it
 * as an error with a stack trace ("Failed to read events from the underlying event storage"), which an operator
 * would take for a fault. This stops after Axon (a lower phase) and waits, at most a few seconds, while the thread
 * is running a read; a thread that waits for new events ends by itself and is not waited for.
 */
@Component
class EventReaderShutdown implements SmartLifecycle {

    private static final Duration AT_MOST = Duration.ofSeconds(5);
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final ThreadFactory axonThreads = new AxonThreadFactory(EmbeddedEventStore.class.getSimpleName());
    private volatile boolean running;

    /** The threads of the event store ({@link AxonConfig#eventStore}), as Axon makes them, and noted. */
    ThreadFactory threadFactory() {
        return runnable -> {
            Thread thread = axonThreads.newThread(runnable);
            threads.removeIf(t -> !t.isAlive());
            threads.add(thread);
            return thread;
        };
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        long deadline = System.nanoTime() + AT_MOST.toNanos();
        while (System.nanoTime() < deadline && threads.stream().anyMatch(EventReaderShutdown::reading)) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Busy with a read, rather than waiting for events (or ended). */
    private static boolean reading(Thread thread) {
        return thread.isAlive() && thread.getState() == Thread.State.RUNNABLE;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Below Axon's own phase: stopped after Axon has told the reader to stop, before the pool closes. */
    @Override
    public int getPhase() {
        return SpringAxonConfiguration.LIFECYCLE_PHASE - 1;
    }
}
