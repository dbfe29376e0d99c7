package org.coalitionledger.it;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.awaitility.Awaitility.await;

/** Moments on the system clock for tests that ask what was known at a time between two recordings. */
public final class Moments {

    private Moments() {
    }

    /**
     * A moment strictly after everything recorded so far and strictly before anything recorded afterwards: record
     * times have millisecond precision, so this waits for the clock to pass into the next millisecond, takes it, and
     * waits for the clock to leave it.
     */
    public static Instant betweenRecordings() {
        Instant moment = Instant.now().truncatedTo(ChronoUnit.MILLIS).plusMillis(1);
        reach(moment);
        reach(moment.plusMillis(1));
        return moment;
    }

    private static void reach(Instant moment) {
        await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1)).atMost(Duration.ofSeconds(1))
                .until(() -> !Instant.now().isBefore(moment));
    }
}
