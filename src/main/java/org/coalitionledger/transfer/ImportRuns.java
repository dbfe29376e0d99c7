package org.coalitionledger.transfer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * The imports of this node: at most one runs at a time (a second is refused while it runs: each holds the coalitions
 * and agreements it touches in memory, and its write holds the append lock), with its progress, and the last
 * {@value #KEPT} that ended with their answers.
 */
@Component
public class ImportRuns {

    static final int KEPT = 20;

    /** Where an import stands. */
    public enum Stage { READING, CHECKING, COMMITTING, PUBLISHING, DONE, REJECTED, FAILED }

    private final Clock clock;
    /** {@code ledger.import.lines{outcome}}: lines checked, refused and written by this node's imports. */
    private final Counter checkedLines;
    private final Counter refusedLines;
    private final Counter writtenLines;
    private final AtomicReference<Run> running = new AtomicReference<>();
    private final Deque<Run> ended = new ArrayDeque<>();

    ImportRuns(Clock clock, MeterRegistry metrics) {
        this.clock = clock;
        this.checkedLines = lines(metrics, "checked");
        this.refusedLines = lines(metrics, "refused");
        this.writtenLines = lines(metrics, "written");
    }

    private static Counter lines(MeterRegistry metrics, String outcome) {
        return Counter.builder("ledger.import.lines").tag("outcome", outcome).baseUnit("lines")
                .description("Import lines checked, refused and written (committed) on this node").register(metrics);
    }

    /** The import started now, or empty when another is running on this node. */
    Optional<Run> start(String recordedBy, boolean dryRun, String format, long declaredBytes) {
        Run run = new Run(UUID.randomUUID().toString(), recordedBy, dryRun, format, declaredBytes, clock);
        return running.compareAndSet(null, run) ? Optional.of(run) : Optional.empty();
    }

    /** The import running now, if any. */
    public Optional<Run> running() {
        return Optional.ofNullable(running.get());
    }

    /** The running import and those that ended lately, newest first. */
    public List<Run> all() {
        synchronized (ended) {
            return Stream.concat(running().stream(), ended.stream()).toList();
        }
    }

    public Optional<Run> find(String id) {
        return all().stream().filter(run -> run.id().equals(id)).findFirst();
    }

    private void ended(Run run) {
        synchronized (ended) {
            ended.addFirst(run);
            while (ended.size() > KEPT) {
                ended.removeLast();
            }
            running.compareAndSet(run, null);
        }
    }

    /** One import: counters its threads update as it goes, read by {@code GET /api/import/{id}}. */
    public final class Run {

        private final String id;
        private final String recordedBy;
        private final boolean dryRun;
        private final String format;
        private final long declaredBytes;
        private final Clock clock;
        private final Instant startedAt;
        private final AtomicLong bytesRead = new AtomicLong();
        private final AtomicLong linesRead = new AtomicLong();
        private final AtomicLong linesToCheck = new AtomicLong(-1);
        private final AtomicLong linesChecked = new AtomicLong();
        private final AtomicLong linesWritten = new AtomicLong();
        private final AtomicLong rejected = new AtomicLong();
        private volatile Stage stage = Stage.READING;
        private volatile Instant checkingSince;
        private volatile Instant endedAt;
        private volatile Object answer;

        private Run(String id, String recordedBy, boolean dryRun, String format, long declaredBytes, Clock clock) {
            this.id = id;
            this.recordedBy = recordedBy;
            this.dryRun = dryRun;
            this.format = format;
            this.declaredBytes = declaredBytes;
            this.clock = clock;
            this.startedAt = clock.instant();
        }

        public String id() {
            return id;
        }

        public Stage stage() {
            return stage;
        }

        void read(long bytes) {
            bytesRead.addAndGet(bytes);
        }

        void lineRead() {
            linesRead.incrementAndGet();
        }

        /** Reading is over: {@code lines} lines are to be checked and applied. */
        /** A line refused as it was read (malformed, or a field that breaks a rule of its own). */
        void refusedOnReading() {
            rejected.incrementAndGet();
            refusedLines.increment();
        }

        void checking(long lines) {
            linesToCheck.set(lines);
            checkingSince = clock.instant();
            stage = Stage.CHECKING;
        }

        void checked(boolean ok) {
            linesChecked.incrementAndGet();
            checkedLines.increment();
            if (!ok) {
                rejected.incrementAndGet();
                refusedLines.increment();
            }
        }

        void committing() {
            stage = Stage.COMMITTING;
        }

        /** Being written: {@code lines} lines' events are in the database's transaction so far. */
        void writing(long lines) {
            linesWritten.set(lines);
        }

        /** Committed: {@code lines} lines written; the projections have yet to show them. */
        void written(long lines) {
            linesWritten.set(lines);
            if (!dryRun) {
                writtenLines.increment(lines);
            }
            stage = Stage.PUBLISHING;
        }

        /** The import is over with this answer (its result, or the problem it was refused with). */
        void end(Stage last, Object answer) {
            this.answer = answer;
            this.endedAt = clock.instant();
            this.stage = last;
            ended(this);
        }

        /** Ended without an answer of its own (an exception): the caller got a problem detail instead. */
        void failed() {
            if (endedAt == null) {
                end(Stage.FAILED, null);
            }
        }

        /** What {@code GET /api/import/{id}} answers. */
        public Progress progress() {
            Instant now = endedAt != null ? endedAt : clock.instant();
            Instant since = checkingSince;
            long checked = linesChecked.get();
            double seconds = since == null ? 0 : Duration.between(since, now).toMillis() / 1000.0;
            Double rate = seconds > 0 ? Math.round(checked / seconds * 10) / 10.0 : null;
            long toCheck = linesToCheck.get();
            Integer percent = switch (stage) {
                case READING -> declaredBytes > 0 ? (int) Math.min(99, bytesRead.get() * 100 / declaredBytes / 2)
                        : null;
                case CHECKING -> toCheck > 0 ? (int) (50 + checked * 30 / toCheck) : 50;
                case COMMITTING -> toCheck > 0 ? (int) (80 + linesWritten.get() * 15 / toCheck) : 80;
                case PUBLISHING -> 98;
                case DONE, REJECTED, FAILED -> 100;
            };
            return new Progress(id, stage, stage.compareTo(Stage.DONE) >= 0, dryRun, format, recordedBy, startedAt,
                                endedAt, bytesRead.get(), declaredBytes > 0 ? declaredBytes : null, linesRead.get(),
                                toCheck >= 0 ? toCheck : null, checked, rejected.get(), linesWritten.get(), rate,
                                percent, answer);
        }
    }

    /**
     * An import's progress: its stage; bytes and lines read; lines checked against the rules (of
     * {@code linesToCheck}, known once the file is read) and refused so far; lines written (once committed);
     * {@code linesPerSecond} checked since checking began; {@code percent} for a progress bar (reading is the first
     * half when the body's length was declared); and once it is over, {@code result}: what the import answered.
     */
    public record Progress(String id, Stage stage, boolean finished, boolean dryRun, String format,
                           String recordedBy, Instant startedAt, Instant endedAt, long bytesRead, Long bytesDeclared,
                           long linesRead, Long linesToCheck, long linesChecked, long linesRejected,
                           long linesWritten, Double linesPerSecond, Integer percent, Object result) {
    }
}
