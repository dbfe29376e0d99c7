package org.coalitionledger.config;

import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.common.lock.Lock;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.coalitionledger.common.Rejection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Group commit on Axon's own command bus, with handlers that note which unit of work (and so which transaction)
 * each command ran in: commands that wait together share one; a refusal fails only its own command; anything else
 * undoes the group and each command is then sent on its own.
 */
class GroupCommitCommandBusTest {

    /** A command for aggregate {@code aggregate}, that does what {@code behaviour} says. */
    record Step(String id, String aggregate, String behaviour) {
    }

    private final AtomicInteger transactions = new AtomicInteger();
    private final AtomicInteger rolledBack = new AtomicInteger();
    private final Map<String, UnitOfWork<?>> rootOf = new ConcurrentHashMap<>();
    private final Set<String> committed = ConcurrentHashMap.newKeySet();
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch blocking = new CountDownLatch(1);
    private final AggregateLocks locks = new AggregateLocks();
    private final ExecutorService callers = Executors.newCachedThreadPool();
    private GroupCommitCommandBus bus = bus(100);

    @AfterEach
    void stopCallers() {
        release.countDown();
        callers.shutdownNow();
    }

    @Test
    void commandsThatWaitTogetherShareOneUnitOfWorkAndOneTransaction() throws Exception {
        Future<CommandResultMessage<?>> first = send(new Step("first", "a", "block"));
        assertThat(blocking.await(10, TimeUnit.SECONDS)).isTrue();
        // these arrive while the first still runs: they wait, and the next of them leads them all
        List<Future<CommandResultMessage<?>>> waiting = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            waiting.add(send(new Step("w" + i, "agg-" + i, "ok")));
        }
        awaitQueued(6);
        release.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS).getPayload()).isEqualTo("first");
        for (int i = 0; i < 6; i++) {
            assertThat(waiting.get(i).get(10, TimeUnit.SECONDS).getPayload()).isEqualTo("w" + i);
        }
        assertThat(rootOf.get("first")).isNotSameAs(rootOf.get("w0"));
        for (int i = 1; i < 6; i++) {
            assertThat(rootOf.get("w" + i)).as("w%d ran in w0's unit of work", i).isSameAs(rootOf.get("w0"));
        }
        assertThat(committed).containsExactlyInAnyOrder("first", "w0", "w1", "w2", "w3", "w4", "w5");
        assertThat(transactions).hasValue(2);
        assertThat(bus.groups()).isEqualTo(1);
        assertThat(bus.grouped()).isEqualTo(6);
    }

    @Test
    void aRefusedCommandGetsItsRefusalAndItsNeighboursCommitTogether() throws Exception {
        List<Future<CommandResultMessage<?>>> answers = sendBehindABlockedCommand(
                new Step("w0", "a", "ok"), new Step("refused", "b", "refuse"), new Step("w2", "c", "ok"));

        assertThat(answers.get(0).get(10, TimeUnit.SECONDS).getPayload()).isEqualTo("w0");
        CommandResultMessage<?> refused = answers.get(1).get(10, TimeUnit.SECONDS);
        assertThat(refused.isExceptional()).isTrue();
        assertThat(refused.exceptionResult()).isInstanceOf(Rejection.class).hasMessageContaining("refused");
        assertThat(answers.get(2).get(10, TimeUnit.SECONDS).getPayload()).isEqualTo("w2");
        assertThat(rootOf.get("w2")).isSameAs(rootOf.get("w0"));
        assertThat(committed).contains("w0", "w2").doesNotContain("refused");
        assertThat(bus.groups()).isEqualTo(1);
        assertThat(bus.undone()).isZero();
    }

    @Test
    void aCommandThatFailsOtherwiseUndoesTheGroupAndEachIsSentOnItsOwn() throws Exception {
        List<Future<CommandResultMessage<?>>> answers = sendBehindABlockedCommand(
                new Step("w0", "a", "ok"), new Step("broken", "b", "fail"), new Step("w2", "c", "ok"));

        assertThat(answers.get(0).get(10, TimeUnit.SECONDS).getPayload()).isEqualTo("w0");
        CommandResultMessage<?> broken = answers.get(1).get(10, TimeUnit.SECONDS);
        assertThat(broken.isExceptional()).isTrue();
        assertThat(broken.exceptionResult()).isInstanceOf(IllegalStateException.class);
        assertThat(answers.get(2).get(10, TimeUnit.SECONDS).getPayload()).isEqualTo("w2");
        // each ran again in a unit of work of its own, and only what succeeded there committed
        assertThat(rootOf.get("w0")).isNotSameAs(rootOf.get("w2"));
        assertThat(committed).contains("w0", "w2").doesNotContain("broken");
        assertThat(bus.undone()).isEqualTo(1);
        assertThat(bus.groups()).isZero();
        assertThat(rolledBack).hasValueGreaterThanOrEqualTo(2);
    }

    @Test
    void aFailedCommitUndoesTheGroupAndEachIsSentOnItsOwn() throws Exception {
        List<Future<CommandResultMessage<?>>> answers = sendBehindABlockedCommand(
                new Step("w0", "a", "ok"), new Step("conflict", "b", "failAtGroupCommit"),
                new Step("w2", "c", "ok"));

        for (int i = 0; i < 3; i++) {
            assertThat(answers.get(i).get(10, TimeUnit.SECONDS).isExceptional()).isFalse();
        }
        assertThat(committed).contains("w0", "conflict", "w2");
        assertThat(rootOf.get("w0")).isNotSameAs(rootOf.get("w2"));
        assertThat(bus.undone()).isEqualTo(1);
    }

    @Test
    void aCommandOnAnAggregateLockedElsewhereWaitsOnItsOwnAndHoldsNoGroupUp() throws Exception {
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch unlock = new CountDownLatch(1);
        // another unit of work (an import) holds aggregate "held"
        callers.submit(() -> {
            Lock lock = locks.obtainLock("held");
            locked.countDown();
            unlock.await(20, TimeUnit.SECONDS);
            lock.release();
            return null;
        });
        assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();

        List<Future<CommandResultMessage<?>>> answers = sendBehindABlockedCommand(
                new Step("w0", "a", "ok"), new Step("waits", "held", "ok"), new Step("w2", "c", "ok"));
        assertThat(answers.get(0).get(10, TimeUnit.SECONDS).getPayload()).isEqualTo("w0");
        assertThat(answers.get(2).get(10, TimeUnit.SECONDS).getPayload()).isEqualTo("w2");
        assertThat(rootOf.get("w2")).isSameAs(rootOf.get("w0"));
        assertThat(answers.get(1)).isNotDone();

        unlock.countDown();
        assertThat(answers.get(1).get(10, TimeUnit.SECONDS).getPayload()).isEqualTo("waits");
        assertThat(rootOf.get("waits")).isNotSameAs(rootOf.get("w0"));
    }

    @Test
    void aCommandInsideAUnitOfWorkBelongsToIt() {
        UnitOfWork<?> outer = DefaultUnitOfWork.startAndGet(null);
        try {
            CommandResultMessage<?>[] answer = new CommandResultMessage<?>[1];
            bus.dispatch(GenericCommandMessage.asCommandMessage(new Step("inner", "a", "ok")),
                         (message, result) -> answer[0] = result);
            assertThat(answer[0].getPayload()).isEqualTo("inner");
            assertThat(rootOf.get("inner")).isSameAs(outer);
        } finally {
            outer.rollback();
        }
        assertThat(committed).doesNotContain("inner");
    }

    @Test
    void aGroupOfOneTurnsGroupCommitOff() throws Exception {
        bus = bus(1);
        Future<CommandResultMessage<?>> first = send(new Step("first", "blocker", "block"));
        assertThat(blocking.await(10, TimeUnit.SECONDS)).isTrue();
        // nothing waits for the blocked command: these run beside it, each in a unit of work of its own
        CommandResultMessage<?> w0 = send(new Step("w0", "a", "ok")).get(10, TimeUnit.SECONDS);
        CommandResultMessage<?> w1 = send(new Step("w1", "b", "ok")).get(10, TimeUnit.SECONDS);
        assertThat(first).isNotDone();
        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS).getPayload()).isEqualTo("first");
        assertThat(List.of(w0.getPayload(), w1.getPayload())).containsExactly("w0", "w1");
        assertThat(rootOf.get("w0")).isNotSameAs(rootOf.get("w1"));
        assertThat(bus.groups()).isZero();
    }

    @Test
    void aLargestGroupBelowOneIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> bus(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ledger.commands.max-group").hasMessageContaining("0");
    }

    /** Sends a command that blocks, then the given ones while it runs; lets it finish once they all wait. */
    private List<Future<CommandResultMessage<?>>> sendBehindABlockedCommand(Step... steps) throws Exception {
        Future<CommandResultMessage<?>> first = send(new Step("first", "blocker", "block"));
        assertThat(blocking.await(10, TimeUnit.SECONDS)).isTrue();
        List<Future<CommandResultMessage<?>>> answers = new ArrayList<>();
        for (Step step : steps) {
            answers.add(send(step));
            // one at a time, so that they queue in this order
            awaitQueued(answers.size());
        }
        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS).isExceptional()).isFalse();
        return answers;
    }

    /** Waits until this many commands wait behind the one running. */
    private void awaitQueued(int count) {
        await().atMost(10, TimeUnit.SECONDS).until(() -> bus.waiting() >= count);
    }

    private Future<CommandResultMessage<?>> send(Step step) {
        GroupCommitCommandBus to = bus;
        return callers.submit(() -> {
            CommandResultMessage<?>[] result = new CommandResultMessage<?>[1];
            to.dispatch(GenericCommandMessage.asCommandMessage(step), (message, r) -> result[0] = r);
            return result[0];
        });
    }

    private GroupCommitCommandBus bus(int maxGroup) {
        SimpleCommandBus commands = SimpleCommandBus.builder()
                .transactionManager(countingTransactions())
                .rollbackConfiguration(failure -> !(failure instanceof Rejection)
                        && RollbackConfigurationType.UNCHECKED_EXCEPTIONS.rollBackOn(failure))
                .build();
        commands.subscribe(Step.class.getName(), message -> handle((Step) message.getPayload()));
        return new GroupCommitCommandBus(commands, countingTransactions(), locks,
                                         command -> new VersionedAggregateIdentifier(
                                                 (Object) ((Step) command.getPayload()).aggregate(), null),
                                         maxGroup);
    }

    private Object handle(Step step) throws InterruptedException {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        Lock lock = locks.obtainLock(step.aggregate());
        unitOfWork.root().onCleanup(u -> lock.release());
        rootOf.put(step.id(), unitOfWork.root());
        switch (step.behaviour()) {
            case "block" -> {
                blocking.countDown();
                assertThat(release.await(20, TimeUnit.SECONDS)).isTrue();
            }
            case "refuse" -> throw Rejection.conflict("step", step.id() + " is refused");
            case "fail" -> throw new IllegalStateException(step.id() + " broke");
            case "failAtGroupCommit" -> {
                if (unitOfWork.parent().isPresent()) {
                    unitOfWork.root().onPrepareCommit(u -> {
                        throw new IllegalStateException("another node wrote first");
                    });
                }
            }
            default -> {
            }
        }
        unitOfWork.root().onCommit(u -> committed.add(step.id()));
        return step.id();
    }

    /** Transactions that only count: a group's unit of work starts one, the commands in it join it. */
    private TransactionManager countingTransactions() {
        return () -> {
            if (CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().parent().isPresent()) {
                return new Transaction() {
                    @Override
                    public void commit() {
                    }

                    @Override
                    public void rollback() {
                    }
                };
            }
            transactions.incrementAndGet();
            return new Transaction() {
                @Override
                public void commit() {
                }

                @Override
                public void rollback() {
                    rolledBack.incrementAndGet();
                }
            };
        };
    }
}
