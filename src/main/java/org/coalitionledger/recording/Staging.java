package org.coalitionledger.recording;

import org.axonframework.commandhandling.CommandMessage;

import java.util.function.LongConsumer;

/**
 * A private ledger for one bulk import: its commands are checked by the aggregates' own rules, on the state the
 * ledger holds plus what the import has checked so far, without a transaction per command, and its events wait in
 * a spool file rather than in memory. Nothing reaches the event store until {@link Session#write}, which appends
 * every staged event in one transaction, in batches, under the append lock; closing a session that was not written
 * writes nothing.
 */
public interface Staging {

    /**
     * Opens a session on the calling thread (an import runs on one thread). With {@code dryRun}, commands are
     * checked only: no event is spooled, and {@link Session#write} is refused.
     */
    Session open(boolean dryRun);

    /**
     * Where imports keep their scratch files ({@code ledger.import.spool-dir}): the lines they read as well as the
     * events their sessions stage, so that one start clears what a killed node left of both.
     */
    java.nio.file.Path spoolDirectory();

    /** One import's private ledger; every call from the thread that opened it. */
    interface Session extends AutoCloseable {

        /**
         * Checks one command and stages its events. The command's refusal ({@code Rejection}) or failure is thrown
         * as the command bus would answer it. Aggregates refuse before they apply anything; should one apply an
         * event and then fail, that event stays staged, which does no harm: an import with a failed line is never
         * written.
         *
         * @param remember whether a later command of this import may name the record this command makes (a
         *                 correction or a review finding): its location is then kept in memory for routing
         */
        void dispatch(CommandMessage<?> command, boolean remember);

        /** Events staged so far. */
        long events();

        /**
         * Appends every staged event, and the record index of every staged record, in one transaction that holds the
         * append lock. {@code linesWritten} hears how many commands' events are written so far. A conflict with
         * another writer (an aggregate of this import written elsewhere meanwhile) is a {@code ConcurrencyException}
         * with nothing written.
         */
        void write(LongConsumer linesWritten);

        /** Releases the aggregates this session held and deletes its spool. */
        @Override
        void close();
    }
}
