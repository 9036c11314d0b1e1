package io.cellnet;

import io.cellnet.internal.Awaits;
import io.cellnet.internal.BatchDeferral;
import io.cellnet.internal.RateLimitedLog;
import io.cellnet.observe.Observability;
import io.cellnet.observe.QueueObserver;
import io.cellnet.observe.QueueTags;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link EventQueue}: producers append to a shared array under a short lock, and the
 * single consumer swaps it for its own and runs the whole batch outside the lock (the shape of Go's
 * {@code Pipe}, without its loss at stop). An entry is two slots: a task (a {@link Runnable} or an
 * {@link EventCallback}) and its event, so delivering an event allocates nothing. The consumer
 * spins briefly before it sleeps, which keeps hand-off latency low under steady load. Work that a
 * task puts off with {@link #deferToBatchEnd} is held by a {@link BatchDeferral} until the batch
 * ends (see "Sends from a batch" in {@link EventQueue}).
 *
 * <p>Thread safety: {@code post}, {@code stopLoop}, {@code pending} and {@code await} may be called
 * from any thread; tasks run on the queue's thread.
 */
public final class DefaultEventQueue implements EventQueue {
    private static final Logger log = LoggerFactory.getLogger(DefaultEventQueue.class);
    private static final int SPIN_ROUNDS = Integer.getInteger("cellnet.queue.spin", 256);
    private static final int YIELD_ROUNDS = Integer.getInteger("cellnet.queue.yield", 128);

    /** The default handler: one error line with the stack, naming the session and message type. */
    public static final CallbackExceptionHandler LOGGING_HANDLER = (cause, event) -> {
        if (event == null) {
            log.error("event queue task failed", cause);
        } else {
            log.error("callback failed on session {} of peer '{}' handling {}", event.session().id(),
                    PeerNames.of(event.session().peer()), event.message().getClass().getName(), cause);
        }
    };

    private final String name;
    private final int capacity;
    private final CallbackExceptionHandler exceptionHandler;
    private final RateLimitedLog refusedLog = new RateLimitedLog(log, 1, TimeUnit.SECONDS);
    private final CompletableFuture<Void> terminated = new CompletableFuture<>();
    private final BatchDeferral deferral;
    private final QueueObserver observer;
    private final int timingInterval;
    // racy on purpose: it only spaces out the timed tasks
    private int untilTimed;

    private final Object lock = new Object();
    // guarded by lock
    private Object[] incoming = new Object[128];
    private int incomingSlots;
    private boolean consumerWaiting;
    private boolean stopRequested;
    private @Nullable Thread thread;

    // written under lock, read by the spinning consumer and pending()
    private volatile int incomingTasks;
    // written by the consumer only
    private volatile int batchRemaining;

    /** A queue; see {@link EventQueue#builder}. */
    public DefaultEventQueue(String name, int capacity, CallbackExceptionHandler exceptionHandler) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(exceptionHandler, "exceptionHandler");
        this.name = name;
        this.capacity = capacity;
        this.exceptionHandler = exceptionHandler;
        this.deferral = new BatchDeferral(name);
        this.observer = Observability.current().queue(new QueueTags(name, this::pending));
        this.timingInterval = Math.max(1, observer.timingInterval());
    }

    @Override
    public boolean post(Runnable task) {
        Objects.requireNonNull(task, "task");
        return enqueue(observer == QueueObserver.NONE || !timed() ? task : new ObservedTask(observer, task), null);
    }

    @Override
    public boolean post(EventCallback callback, RecvMsgEvent event) {
        Objects.requireNonNull(callback, "callback");
        Objects.requireNonNull(event, "event");
        return enqueue(observer == QueueObserver.NONE || !timed() ? callback : new ObservedTask(observer, callback),
                event);
    }

    /** {@code true} for about one post in the observer's timing interval. */
    private boolean timed() {
        if (--untilTimed > 0) {
            return false;
        }
        untilTimed = timingInterval;
        return true;
    }

    private boolean enqueue(Object task, @Nullable RecvMsgEvent event) {
        boolean full;
        synchronized (lock) {
            // A session's one SessionClosed passes the bound: refusing it would lose the close.
            full = incomingTasks + batchRemaining >= capacity
                    && !(event != null && event.message() instanceof SessionClosed);
            if (!stopRequested && !full) {
                int n = incomingSlots;
                if (n + 2 > incoming.length) {
                    incoming = Arrays.copyOf(incoming, incoming.length * 2);
                }
                incoming[n] = task;
                incoming[n + 1] = event;
                incomingSlots = n + 2;
                incomingTasks = (n >> 1) + 1;
                if (consumerWaiting) {
                    consumerWaiting = false;
                    lock.notify();
                }
                return true;
            }
        }
        if (full) {
            refusedLog.warn("event queue '{}' is full ({} tasks): task refused", name, capacity);
        } else {
            refusedLog.warn("event queue '{}' is stopped: task refused", name);
        }
        return false;
    }

    @Override
    public boolean deferToBatchEnd(Runnable task) {
        Objects.requireNonNull(task, "task");
        return inLoop() && deferral.defer(task);
    }

    @Override
    public EventQueue startLoop() {
        synchronized (lock) {
            if (thread == null) {
                Thread t = new Thread(this::runLoop, name);
                thread = t;
                t.start();
            }
        }
        return this;
    }

    @Override
    public CompletableFuture<Void> stopLoop() {
        synchronized (lock) {
            stopRequested = true;
            if (consumerWaiting) {
                consumerWaiting = false;
                lock.notify();
            }
        }
        // A queue that never started still runs what was posted to it.
        startLoop();
        return terminated.copy();
    }

    @Override
    public boolean await(Duration timeout) throws InterruptedException {
        Objects.requireNonNull(timeout, "timeout");
        return Awaits.await(terminated, timeout);
    }

    @Override
    public int pending() {
        return incomingTasks + batchRemaining;
    }

    @Override
    public boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    @Override
    public boolean isStarted() {
        synchronized (lock) {
            return thread != null;
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void close() {
        CompletableFuture<Void> done = stopLoop();
        if (inLoop()) {
            return;
        }
        try {
            done.get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            log.warn("event queue '{}' did not stop within 10 s ({} tasks pending)", name, pending(), e);
        }
    }

    private void runLoop() {
        Object[] batch = new Object[128];
        try {
            int idleRounds = 0;
            for (;;) {
                int slots;
                synchronized (lock) {
                    slots = incomingSlots;
                    if (slots > 0) {
                        Object[] swap = incoming;
                        incoming = batch;
                        batch = swap;
                        incomingSlots = 0;
                        batchRemaining = slots >> 1;
                        incomingTasks = 0;
                    } else if (stopRequested) {
                        break;
                    } else if (idleRounds >= SPIN_ROUNDS) {
                        consumerWaiting = true;
                        waitForWork();
                        idleRounds = 0;
                        continue;
                    }
                }
                if (slots == 0) {
                    idleRounds++;
                    spinUntilWork(idleRounds);
                    continue;
                }
                idleRounds = 0;
                runBatch(batch, slots);
            }
        } finally {
            deferral.close();
            terminated.complete(null);
        }
    }

    /**
     * Waits on the lock (held by the caller) for a post or a stop. The loop ends only through
     * {@link #stopLoop()}: an interrupt of the queue's thread is ignored, so that nothing posted
     * later is accepted and then never run.
     */
    private void waitForWork() {
        try {
            lock.wait();
        } catch (InterruptedException e) {
            log.debug("event queue '{}' ignored an interrupt of its thread", name);
        }
    }

    private void spinUntilWork(int round) {
        if (incomingTasks == 0) {
            if (round < SPIN_ROUNDS - YIELD_ROUNDS) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
    }

    private void runBatch(Object[] batch, int slots) {
        deferral.startBatch();
        for (int i = 0; i < slots; i += 2) {
            Object task = batch[i];
            RecvMsgEvent event = (RecvMsgEvent) batch[i + 1];
            batch[i] = null;
            batch[i + 1] = null;
            batchRemaining = (slots - i - 2) >> 1;
            try {
                if (event == null) {
                    ((Runnable) task).run();
                } else {
                    ((EventCallback) task).onEvent(event);
                }
            } catch (Throwable t) {
                observer.failed();
                handle(exceptionHandler, t, event);
            }
            if (Thread.interrupted()) {
                // A task restored the flag after catching InterruptedException; it must not leak
                // into the next task or end the loop.
                log.debug("event queue '{}' cleared an interrupt left by a task", name);
            }
            deferral.afterTask((i >> 1) + 1);
        }
        deferral.endBatch();
    }

    /**
     * Calls {@code handler} with what a task threw, logging what the handler itself throws: how
     * every queue implementation reports a failed task.
     */
    public static void handle(CallbackExceptionHandler handler, Throwable cause, @Nullable Event event) {
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(cause, "cause");
        try {
            handler.onException(cause, event);
        } catch (Throwable t) {
            log.error("callback exception handler failed while handling {}", cause.toString(), t);
        }
    }

    @Override
    public String toString() {
        return "EventQueue(" + name + ")";
    }
}
