package org.coalitionledger.config;

import org.axonframework.common.lock.Lock;
import org.axonframework.common.lock.LockAcquisitionFailedException;
import org.axonframework.common.lock.LockFactory;
import org.axonframework.common.lock.PessimisticLockFactory;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The aggregates' locks: Axon's pessimistic lock per aggregate in this JVM (a unit of work holds the lock of every
 * aggregate it loaded until it ends; an import holds them for the whole import), knowing which thread holds each.
 * The {@link GroupCommitCommandBus} asks before it takes a command into a group, so that one group never waits for a
 * lock held elsewhere: that would hold up every command of the group, where a command on its own holds up only its
 * own request. While a group runs, a lock held by another thread is refused at once
 * ({@link #failFastOnThisThread}) instead of waited for; the group is then undone and its commands run one by one.
 */
public final class AggregateLocks implements LockFactory {

    private final LockFactory locks;
    private final ConcurrentHashMap<String, Holder> holders = new ConcurrentHashMap<>();
    private final ThreadLocal<Boolean> failFast = ThreadLocal.withInitial(() -> Boolean.FALSE);

    private record Holder(Thread thread, int count) {
    }

    public AggregateLocks() {
        this(PessimisticLockFactory.usingDefaults());
    }

    AggregateLocks(LockFactory locks) {
        this.locks = locks;
    }

    @Override
    public Lock obtainLock(String identifier) {
        if (failFast.get() && heldElsewhere(identifier)) {
            throw new HeldElsewhere(identifier);
        }
        Lock lock = locks.obtainLock(identifier);
        holders.merge(identifier, new Holder(Thread.currentThread(), 1),
                      (held, again) -> new Holder(held.thread(), held.count() + 1));
        return new Lock() {
            private boolean released;

            @Override
            public void release() {
                if (released) {
                    return;
                }
                released = true;
                // forgotten before the lock is released, so that whoever takes it next finds no stale holder
                holders.computeIfPresent(identifier, (id, held) -> held.count() == 1 ? null
                        : new Holder(held.thread(), held.count() - 1));
                lock.release();
            }

            @Override
            public boolean isHeld() {
                return !released && lock.isHeld();
            }
        };
    }

    /** Whether a thread other than the current one holds the lock of this aggregate. */
    boolean heldElsewhere(String identifier) {
        Holder holder = holders.get(identifier);
        return holder != null && holder.thread() != Thread.currentThread();
    }

    /**
     * Runs {@code work} with locks held by other threads refused at once on this thread (a
     * {@link LockAcquisitionFailedException}) rather than waited for.
     */
    void failFastOnThisThread(Runnable work) {
        failFast.set(Boolean.TRUE);
        try {
            work.run();
        } finally {
            failFast.remove();
        }
    }

    /** A lock refused at once, on a thread that must not wait ({@link #failFastOnThisThread}). */
    static final class HeldElsewhere extends LockAcquisitionFailedException {

        HeldElsewhere(String identifier) {
            super("aggregate " + identifier + " is locked by another unit of work");
        }
    }
}
