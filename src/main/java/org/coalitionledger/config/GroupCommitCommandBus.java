package org.coalitionledger.config;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.common.Registration;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.coalitionledger.common.Rejection;
import org.coalitionledger.config.AggregateLocks.HeldElsewhere;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;

/**
 * Group commit: commands that arrive together share one transaction, and so one turn of the append lock and one
 * commit ({@link CommitOrderedEventStorageEngine} lets one appending transaction commit at a time, so without it
 * throughput could not grow with clients).
 * <p>
 * Each command is sent by its caller's thread, which waits in {@link #dispatch} as it would on Axon's
 * {@link org.axonframework.commandhandling.SimpleCommandBus}. The first caller to find no group running leads: it
 * takes every command waiting (up to {@code maxGroup}), opens one unit of work with one transaction, and sends each
 * command into it in arrival order, as a nested unit of work on the command bus it wraps. Each command is therefore
 * checked by its aggregate's rules on the current state, the state its predecessors in the group left (two
 * commands racing for the same thing: the first wins, the second is refused with 409). Then the group commits, its
 * events in one batch under one turn of the lock, and each caller gets its own answer. Meanwhile the next commands
 * queue up; the first of them leads the next group.
 * <ul>
 *     <li>A command refused by its aggregate ({@link Rejection}, thrown before anything is applied) changes nothing:
 *     it gets its refusal and its neighbours go on.</li>
 *     <li>Any other failure (an unknown aggregate, an error, a lock held by another unit of work), or a failed
 *     commit (another node wrote to one of the group's aggregates first), undoes the whole group, and every command
 *     in it is then sent again on its own, by its own caller's thread, as without group commit: each gets its own
 *     success or failure, and no command fails because of a neighbour.</li>
 *     <li>A group of one is a command sent on its own, as the wrapped bus sends it, at no cost.</li>
 *     <li>A command sent inside a unit of work (the lines of an import) or a Spring transaction is never grouped: it
 *     belongs to that unit of work or transaction.</li>
 *     <li>A command whose aggregate is locked by another unit of work (an import running on it) is not taken into
 *     a group, so that a group never waits for an import; it waits on its own, as before.</li>
 * </ul>
 * Dispatch interceptors run on the caller's thread before the command queues (a refusal there reaches the caller at
 * once); handler interceptors run in the command's own unit of work, as on the wrapped bus.
 */
public final class GroupCommitCommandBus implements CommandBus {

    private final CommandBus commands;
    private final TransactionManager transactions;
    private final AggregateLocks locks;
    private final CommandTargetResolver targets;
    private final int maxGroup;
    private final List<MessageDispatchInterceptor<? super CommandMessage<?>>> dispatchInterceptors =
            new CopyOnWriteArrayList<>();
    private final Object monitor = new Object();
    private final ArrayDeque<Pending> waiting = new ArrayDeque<>();
    private boolean leading;
    private final AtomicLong groups = new AtomicLong();
    private final AtomicLong grouped = new AtomicLong();
    private final AtomicLong undone = new AtomicLong();

    /**
     * @param commands     the bus that handles each command (its handlers and handler interceptors)
     * @param transactions the transaction a group's unit of work runs in
     * @param locks        the aggregates' locks, asked whether another unit of work holds one
     * @param targets      which aggregate a command is for
     * @param maxGroup     the most commands in one group; 1 turns group commit off
     */
    public GroupCommitCommandBus(CommandBus commands, TransactionManager transactions, AggregateLocks locks,
                                 CommandTargetResolver targets, int maxGroup) {
        if (maxGroup < 1) {
            throw new IllegalArgumentException("ledger.commands.max-group must be at least 1, not " + maxGroup);
        }
        this.commands = commands;
        this.transactions = transactions;
        this.locks = locks;
        this.targets = targets;
        this.maxGroup = maxGroup;
    }

    /** The dispatch interceptors registered (a bulk import's private bus applies them too). */
    List<MessageDispatchInterceptor<? super CommandMessage<?>>> dispatchInterceptors() {
        return List.copyOf(dispatchInterceptors);
    }

    /** Groups of two or more commands committed so far. */
    public long groups() {
        return groups.get();
    }

    /** Commands committed in those groups. */
    public long grouped() {
        return grouped.get();
    }

    /** Commands waiting for their group (for tests). */
    int waiting() {
        synchronized (monitor) {
            return waiting.size();
        }
    }

    /** Groups undone (their commands then sent one by one). */
    public long undone() {
        return undone.get();
    }

    @Override
    public <C> void dispatch(CommandMessage<C> command) {
        dispatch(command, (message, result) -> {
        });
    }

    @Override
    public <C, R> void dispatch(CommandMessage<C> command,
                                CommandCallback<? super C, ? super R> callback) {
        @SuppressWarnings("unchecked")
        CommandMessage<C> intercepted = (CommandMessage<C>) intercept(command);
        if (maxGroup == 1 || CurrentUnitOfWork.isStarted()
                || TransactionSynchronizationManager.isActualTransactionActive()) {
            commands.dispatch(intercepted, callback);
            return;
        }
        Pending mine = new Pending(intercepted);
        boolean lead;
        synchronized (monitor) {
            waiting.add(mine);
            lead = !leading;
            leading = true;
        }
        if (lead || mine.awaitTurnOrAnswer()) {
            lead(mine);
        }
        CommandResultMessage<?> answer = mine.answer;
        if (answer == null) {
            commands.dispatch(intercepted, callback);
        } else {
            @SuppressWarnings("unchecked")
            CommandResultMessage<R> result = (CommandResultMessage<R>) answer;
            callback.onResult(intercepted, result);
        }
    }

    /**
     * Runs one group, the leader's own command first, then hands the lead to the next command waiting, if any.
     * Commands that arrive while it runs wait for that.
     */
    private void lead(Pending mine) {
        List<Pending> group = new ArrayList<>();
        synchronized (monitor) {
            group.add(mine);
            waiting.remove(mine);
            while (group.size() < maxGroup && !waiting.isEmpty()) {
                group.add(waiting.poll());
            }
        }
        try {
            locks.failFastOnThisThread(() -> {
                if (group.size() == 1) {
                    runAlone(mine);
                } else {
                    run(group);
                }
            });
        } finally {
            Pending next;
            synchronized (monitor) {
                next = waiting.peek();
                leading = next != null;
            }
            for (Pending pending : group) {
                if (pending != mine) {
                    pending.finish();
                }
            }
            if (next != null) {
                next.lead();
            }
        }
    }

    /**
     * Sends a command that arrived alone in a unit of work of its own, as the wrapped bus does, while this thread
     * still leads: commands arriving meanwhile wait and form the next group. Unless the command's aggregate is locked
     * by another unit of work (it then waits on its own, after the lead has passed on).
     */
    private void runAlone(Pending pending) {
        if (lockedElsewhere(pending.command)) {
            return;
        }
        Answer answer = new Answer();
        try {
            commands.dispatch(pending.command, answer);
        } catch (RuntimeException e) {
            // thrown rather than answered: sent again on its own, where it is thrown to its caller
            return;
        }
        CommandResultMessage<?> result = answer.result;
        if (result != null && !(result.isExceptional() && result.exceptionResult() instanceof HeldElsewhere)) {
            pending.answer = result;
        }
    }

    /**
     * Sends the group's commands into one unit of work and commits it. Sets the answer of each command if the group
     * committed; leaves every answer empty (each is then sent on its own) if it was undone. A command whose aggregate
     * another unit of work holds is left out of the group at once.
     */
    private void run(List<Pending> group) {
        List<Pending> taken = new ArrayList<>();
        for (Pending pending : group) {
            if (!lockedElsewhere(pending.command)) {
                taken.add(pending);
            }
        }
        if (taken.size() < 2) {
            return;
        }
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        List<CommandResultMessage<?>> answers = new ArrayList<>(taken.size());
        boolean committed = false;
        try {
            unitOfWork.attachTransaction(transactions);
            for (Pending pending : taken) {
                Answer answer = new Answer();
                commands.dispatch(pending.command, answer);
                CommandResultMessage<?> result = answer.result;
                if (result == null || result.isExceptional() && !(result.exceptionResult() instanceof Rejection)) {
                    break;
                }
                answers.add(result);
            }
            if (answers.size() < taken.size()) {
                unitOfWork.rollback();
            } else {
                unitOfWork.commit();
                committed = true;
            }
        } catch (RuntimeException | Error e) {
            // the commit failed (and rolled back), or a command threw where it should have answered
            if (unitOfWork.isActive()) {
                try {
                    unitOfWork.rollback(e);
                } catch (RuntimeException notCurrent) {
                    // a command's own unit of work was left open: the transaction ends when the group's is cleared
                    CurrentUnitOfWork.clear(unitOfWork);
                }
            }
        }
        if (!committed) {
            undone.incrementAndGet();
            return;
        }
        for (int i = 0; i < taken.size(); i++) {
            taken.get(i).answer = answers.get(i);
        }
        groups.incrementAndGet();
        grouped.addAndGet(taken.size());
    }

    private boolean lockedElsewhere(CommandMessage<?> command) {
        try {
            return locks.heldElsewhere(targets.resolveTarget(command).getIdentifier());
        } catch (RuntimeException e) {
            // no target to be found: the aggregate's handler will say so, in the group or on its own
            return false;
        }
    }

    private CommandMessage<?> intercept(CommandMessage<?> command) {
        CommandMessage<?> message = command;
        for (MessageDispatchInterceptor<? super CommandMessage<?>> interceptor : dispatchInterceptors) {
            BiFunction<Integer, ? super CommandMessage<?>, ? super CommandMessage<?>> step =
                    interceptor.handle(List.of(message));
            message = (CommandMessage<?>) step.apply(0, message);
        }
        return message;
    }

    @Override
    public Registration subscribe(String commandName,
                                  MessageHandler<? super CommandMessage<?>> handler) {
        return commands.subscribe(commandName, handler);
    }

    @Override
    public Registration registerHandlerInterceptor(
            MessageHandlerInterceptor<? super CommandMessage<?>> handlerInterceptor) {
        return commands.registerHandlerInterceptor(handlerInterceptor);
    }

    @Override
    public Registration registerDispatchInterceptor(
            MessageDispatchInterceptor<? super CommandMessage<?>> dispatchInterceptor) {
        dispatchInterceptors.add(dispatchInterceptor);
        return () -> dispatchInterceptors.remove(dispatchInterceptor);
    }

    /** The wrapped bus's answer to one command of a group, given while the group's unit of work is still open. */
    private static final class Answer implements CommandCallback<Object, Object> {

        private CommandResultMessage<?> result;

        @Override
        public void onResult(CommandMessage<?> command,
                             CommandResultMessage<?> commandResultMessage) {
            this.result = commandResultMessage;
        }
    }

    /** A command waiting in a caller's thread: for its turn to lead a group, or for its group to end. */
    private static final class Pending {

        private final CommandMessage<?> command;
        /** The command's answer once its group committed; null if it is to be sent on its own. */
        private volatile CommandResultMessage<?> answer;
        private boolean finished;
        private boolean leads;

        Pending(CommandMessage<?> command) {
            this.command = command;
        }

        /** Waits until the group holding this command ended (false) or this command is to lead one (true). */
        synchronized boolean awaitTurnOrAnswer() {
            boolean interrupted = false;
            while (!finished && !leads) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    // the command is in the hands of a group: its caller still waits for the answer
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            return leads && !finished;
        }

        synchronized void finish() {
            finished = true;
            notifyAll();
        }

        synchronized void lead() {
            leads = true;
            notifyAll();
        }
    }
}
