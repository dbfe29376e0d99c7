package org.coalitionledger.config;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class EventReaderShutdownTest {

    @Test
    void aReadUnderWayEndsBeforeTheShutdownGoesOn() throws InterruptedException {
        EventReaderShutdown shutdown = new EventReaderShutdown();
        CountDownLatch reading = new CountDownLatch(1);
        AtomicBoolean stop = new AtomicBoolean();
        Thread reader = shutdown.threadFactory().newThread(() -> {
            reading.countDown();
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
            while (System.nanoTime() < until && !stop.get()) {
                Thread.onSpinWait(); // a read: running, not waiting
            }
        });
        reader.start();
        assertThat(reading.await(5, TimeUnit.SECONDS)).isTrue();
        shutdown.stop();
        assertThat(reader.isAlive()).as("the reader after the shutdown waited for it").isFalse();
    }

    @Test
    void aReaderWaitingForEventsIsNotWaitedFor() throws InterruptedException {
        EventReaderShutdown shutdown = new EventReaderShutdown();
        CountDownLatch release = new CountDownLatch(1);
        Thread reader = shutdown.threadFactory().newThread(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        reader.start();
        while (reader.getState() != Thread.State.WAITING) {
            Thread.sleep(1);
        }
        shutdown.stop();
        assertThat(reader.isAlive()).as("a waiting reader, left to end by itself").isTrue();
        release.countDown();
        reader.join(5_000);
    }
}
