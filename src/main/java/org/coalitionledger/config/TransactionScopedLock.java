package org.coalitionledger.config;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A lock held by the current Spring transaction from the moment it is taken until that transaction commits or rolls
 * back, like PostgreSQL's {@code pg_advisory_xact_lock}, for the embedded H2 database, which only one node (this JVM)
 * writes. A transaction that takes it again already holds it. It is released after the commit, so whoever takes it
 * next sees everything its holder wrote.
 * <p>
 * Unlike a database lock it is invisible to the database's deadlock detection, so a wait is bounded by
 * {@link #LONGEST_WAIT_SECONDS}, far longer than any append and commit should take; a writer that waits longer fails
 * and rolls back.
 */
final class TransactionScopedLock {

    static final long LONGEST_WAIT_SECONDS = 600;

    private final Semaphore permit = new Semaphore(1, true);

    void holdUntilTransactionEnds() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("events are appended in a Spring transaction, and none is active");
        }
        if (TransactionSynchronizationManager.hasResource(this)) {
            return;
        }
        try {
            if (!permit.tryAcquire(LONGEST_WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("another transaction has held the append lock for "
                                                        + LONGEST_WAIT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the append lock", e);
        }
        try {
            TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    release();
                }
            });
        } catch (RuntimeException e) {
            release();
            throw e;
        }
    }

    private void release() {
        TransactionSynchronizationManager.unbindResourceIfPossible(this);
        permit.release();
    }
}
