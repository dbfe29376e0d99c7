package org.coalitionledger.ui;

import jakarta.annotation.PreDestroy;
import org.axonframework.common.Registration;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.coalitionledger.agreement.event.AgreementRegistered;
import org.coalitionledger.agreement.event.AgreementAct;
import org.coalitionledger.coalition.event.CoalitionFormed;
import org.coalitionledger.coalition.event.PartyAct;
import org.coalitionledger.common.RecordedAct;
import org.coalitionledger.correction.event.RecordCorrected;
import org.coalitionledger.correction.event.RecordRetracted;
import org.coalitionledger.recording.ProjectionBarrier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tells open coalition pages that an act about their coalition was recorded, over Server-Sent Events. It subscribes
 * to the event bus: it is handed the events of each unit of work as a list as that unit of work commits, in the
 * recording thread (no processor, no token, no replay at start), notes the coalitions that pages listen to, and once
 * the unit of work has committed it waits, off that thread, until the projections show the new acts before it sends
 * one {@code act} event per coalition; the page then fetches its fresh parts. Emitters are removed when they
 * complete, time out or fail, and a comment every 20 s finds clients that have gone.
 * <p>
 * At shutdown it ends every open stream first (it stops in the earliest lifecycle phase, before the web server's
 * graceful shutdown, which would otherwise wait for these never-ending requests until its timeout) and refuses new
 * ones; a page's browser reconnects by itself once a node is back. A stream that reaches its timeout is ended
 * quietly too.
 */
@Component
class LiveUpdates implements SmartLifecycle {

    private static final String PENDING_FLUSH = LiveUpdates.class.getName() + ".flush";
    /** At most this many pages listen at once; more are refused rather than allowed to hold threads and memory. */
    static final int MAX_LISTENERS = 500;
    private static final Duration EMITTER_TIMEOUT = Duration.ofMinutes(30);
    private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);

    private final ProjectionBarrier barrier;
    private final Map<String, Set<SseEmitter>> listeners = new ConcurrentHashMap<>();
    private final AtomicInteger count = new AtomicInteger();
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean flushScheduled = new AtomicBoolean();
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "live-updates");
        thread.setDaemon(true);
        return thread;
    });

    private final Registration subscription;
    private volatile boolean running;

    LiveUpdates(ProjectionBarrier barrier, EventBus events) {
        this.barrier = barrier;
        executor.scheduleWithFixedDelay(this::heartbeat, 20, 20, TimeUnit.SECONDS);
        this.subscription = events.subscribe(this::published);
    }

    /** A new listener for one coalition, or empty when too many are listening already. */
    java.util.Optional<SseEmitter> listen(String coalition) {
        if (!running) {
            return java.util.Optional.empty();
        }
        if (count.incrementAndGet() > MAX_LISTENERS) {
            count.decrementAndGet();
            return java.util.Optional.empty();
        }
        SseEmitter emitter = new SseEmitter(EMITTER_TIMEOUT.toMillis());
        listeners.computeIfAbsent(coalition, id -> ConcurrentHashMap.newKeySet()).add(emitter);
        Runnable remove = () -> remove(coalition, emitter);
        emitter.onCompletion(remove);
        // completing it on timeout ends the stream as an answer; left open, Spring MVC would answer the timeout with
        // an error that it cannot write to an event stream, and log both
        emitter.onTimeout(() -> {
            remove.run();
            emitter.complete();
        });
        emitter.onError(error -> remove.run());
        if (!running) {
            // stopped while this one was being set up
            remove.run();
            emitter.complete();
            return java.util.Optional.of(emitter);
        }
        try {
            emitter.send(SseEmitter.event().comment("listening to " + coalition));
        } catch (IOException e) {
            remove.run();
        }
        return java.util.Optional.of(emitter);
    }

    /** How many pages listen now; for tests and operations. */
    int listeners() {
        return count.get();
    }

    /** The events of one unit of work (or one event published outside any), as it commits. */
    void published(List<? extends EventMessage<?>> events) {
        if (listeners.isEmpty()) {
            return;
        }
        boolean noted = false;
        for (EventMessage<?> event : events) {
            String coalition = event.getPayload() instanceof RecordedAct act ? coalitionOf(act) : null;
            if (coalition != null && listeners.containsKey(coalition)) {
                pending.add(coalition);
                noted = true;
            }
        }
        if (!noted) {
            return;
        }
        if (CurrentUnitOfWork.isStarted()) {
            UnitOfWork<?> root = CurrentUnitOfWork.get().root();
            root.getOrComputeResource(PENDING_FLUSH, key -> {
                root.afterCommit(unit -> scheduleFlush());
                return Boolean.TRUE;
            });
        } else {
            scheduleFlush();
        }
    }

    /**
     * An import is written in one transaction, not published on the event bus: every open page may show something it
     * touched, so each is told once (after the projections show the import).
     */
    @org.springframework.context.event.EventListener
    void importWritten(org.coalitionledger.transfer.ImportWritten written) {
        if (!listeners.isEmpty()) {
            pending.addAll(listeners.keySet());
            scheduleFlush();
        }
    }

    private void scheduleFlush() {
        if (flushScheduled.compareAndSet(false, true)) {
            executor.execute(this::flush);
        }
    }

    private void flush() {
        flushScheduled.set(false);
        barrier.awaitProjections();
        for (String coalition : Set.copyOf(pending)) {
            pending.remove(coalition);
            for (SseEmitter emitter : listeners.getOrDefault(coalition, Set.of())) {
                send(coalition, emitter, SseEmitter.event().name("act").data(coalition));
            }
        }
    }

    private void heartbeat() {
        listeners.forEach((coalition, emitters) -> emitters.forEach(
                emitter -> send(coalition, emitter, SseEmitter.event().comment("still here"))));
    }

    private void send(String coalition, SseEmitter emitter, SseEmitter.SseEventBuilder event) {
        try {
            emitter.send(event);
        } catch (IOException | IllegalStateException e) {
            // the client has gone; completing the emitter removes it
            remove(coalition, emitter);
            emitter.completeWithError(e);
        }
    }

    private void remove(String coalition, SseEmitter emitter) {
        Set<SseEmitter> emitters = listeners.get(coalition);
        if (emitters != null && emitters.remove(emitter)) {
            count.decrementAndGet();
            listeners.computeIfPresent(coalition, (id, set) -> set.isEmpty() ? null : set);
        }
    }

    @Override
    public void start() {
        running = true;
    }

    /** Ends every open stream, and refuses new ones, before the web server waits for open requests to end. */
    @Override
    public void stop() {
        running = false;
        int closed = 0;
        for (Map.Entry<String, Set<SseEmitter>> entry : listeners.entrySet()) {
            for (SseEmitter emitter : Set.copyOf(entry.getValue())) {
                remove(entry.getKey(), emitter);
                emitter.complete();
                closed++;
            }
        }
        if (closed > 0) {
            log.info("Closed {} live stream(s) of open coalition pages", closed);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** The earliest phase to stop in: before the web server's graceful shutdown. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }

    @PreDestroy
    void close() {
        stop();
        subscription.cancel();
        executor.shutdownNow();
        log.debug("Live updates closed");
    }

    private static String coalitionOf(RecordedAct act) {
        if (act instanceof CoalitionFormed formed) {
            return formed.coalition();
        } else if (act instanceof PartyAct partyAct) {
            return partyAct.coalition();
        } else if (act instanceof AgreementRegistered registered) {
            return registered.coalition();
        } else if (act instanceof AgreementAct agreementAct) {
            return agreementAct.coalition();
        } else if (act instanceof RecordCorrected corrected) {
            return corrected.coalition();
        } else if (act instanceof RecordRetracted retracted) {
            return retracted.coalition();
        }
        return null;
    }
}
