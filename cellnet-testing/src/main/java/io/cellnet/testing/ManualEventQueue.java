package io.cellnet.testing;

import io.cellnet.CallbackExceptionHandler;
import io.cellnet.DefaultEventQueue;
import io.cellnet.EventCallback;
import io.cellnet.EventQueue;
import io.cellnet.RecvMsgEvent;
import io.cellnet.internal.Awaits;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link EventQueue} that runs its tasks only when a test says so: {@link #runOne()},
 * {@link #runAll()}. Together with {@link ManualScheduler} (for {@code Timers} and
 * {@code TimerLoop}) it makes handler and timer tests deterministic: nothing runs on another
 * thread, nothing runs early, and a test can look at the queue between two tasks.
 *
 * <pre>{@code
 * ManualScheduler clock = new ManualScheduler();
 * ManualEventQueue queue = new ManualEventQueue();
 * Timers.after(clock, queue, Duration.ofSeconds(1), () -> fired = true);
 * clock.advance(Duration.ofSeconds(1));   // the timer posts to the queue...
 * assertEquals(1, queue.pending());       // ...which has not run it yet
 * queue.runAll();                         // fired == true, run on this thread
 * }</pre>
 *
 * <p>The {@link EventQueue} contract holds with the test as the consumer: tasks run one at a time
 * in post order; an exception goes to the {@link CallbackExceptionHandler} (by default the same
 * log line as the default queue) and the next task still runs; {@link #stopLoop()} refuses later
 * posts, and its future completes once the test has run every task posted before the stop.
 * {@link #startLoop()} only records the start: tasks never run by themselves.
 *
 * <p>Thread safety: {@code post} may be called from any thread (a peer's I/O thread, say); the
 * tasks run on the thread that calls {@code runOne} or {@code runAll}, and two such calls never run
 * tasks at the same time (the second waits for the first).
 */
public final class ManualEventQueue implements EventQueue {
    /** {@link #runAll()} gives up after this many tasks, taking it for a task that reposts itself forever. */
    public static final int RUN_ALL_LIMIT = 1_000_000;

    private static final Logger log = LoggerFactory.getLogger(ManualEventQueue.class);

    private final String name;
    private final CallbackExceptionHandler exceptionHandler;
    private final Object runLock = new Object();
    private final CompletableFuture<Void> terminated = new CompletableFuture<>();
    // guarded by this
    private final ArrayDeque<Entry> tasks = new ArrayDeque<>();
    private boolean started;
    private boolean stopped;
    private volatile @Nullable Thread runner;

    /** A queue named {@code "manual"} whose exceptions are logged like the default queue's. */
    public ManualEventQueue() {
        this("manual");
    }

    /** A queue named {@code name} whose exceptions are logged like the default queue's. */
    public ManualEventQueue(String name) {
        this(name, DefaultEventQueue.LOGGING_HANDLER);
    }

    /** A queue named {@code name} whose tasks' exceptions go to {@code exceptionHandler}. */
    public ManualEventQueue(String name, CallbackExceptionHandler exceptionHandler) {
        this.name = Objects.requireNonNull(name, "name");
        this.exceptionHandler = Objects.requireNonNull(exceptionHandler, "exceptionHandler");
    }

    @Override
    public boolean post(Runnable task) {
        return add(new Entry(Objects.requireNonNull(task, "task"), null));
    }

    @Override
    public boolean post(EventCallback callback, RecvMsgEvent event) {
        return add(new Entry(Objects.requireNonNull(callback, "callback"), Objects.requireNonNull(event, "event")));
    }

    private boolean add(Entry entry) {
        synchronized (this) {
            if (!stopped) {
                tasks.add(entry);
                return true;
            }
        }
        log.warn("event queue '{}' is stopped: task refused", name);
        return false;
    }

    /**
     * Runs the next task on this thread.
     *
     * @return {@code false} when no task was waiting
     */
    public boolean runOne() {
        synchronized (runLock) {
            Entry next;
            synchronized (this) {
                next = tasks.poll();
            }
            if (next == null) {
                return false;
            }
            run(next);
            completeIfDrained();
            return true;
        }
    }

    /**
     * Runs tasks on this thread until none is waiting, including the tasks that those tasks post.
     *
     * @return the number of tasks run
     * @throws IllegalStateException after {@link #RUN_ALL_LIMIT} tasks (a task that keeps reposting
     *     itself never lets the queue drain)
     */
    public int runAll() {
        synchronized (runLock) {
            int ran = 0;
            while (runOne()) {
                if (++ran >= RUN_ALL_LIMIT) {
                    throw new IllegalStateException("event queue '" + name + "' did not drain after " + ran
                            + " tasks; does a task repost itself?");
                }
            }
            return ran;
        }
    }

    private void run(Entry entry) {
        Thread previous = runner;
        runner = Thread.currentThread();
        try {
            if (entry.event == null) {
                ((Runnable) entry.task).run();
            } else {
                ((EventCallback) entry.task).onEvent(entry.event);
            }
        } catch (Throwable t) {
            handle(t, entry.event);
        } finally {
            runner = previous;
        }
    }

    private void handle(Throwable cause, @Nullable RecvMsgEvent event) {
        try {
            exceptionHandler.onException(cause, event);
        } catch (Throwable t) {
            log.error("callback exception handler failed while handling {}", cause.toString(), t);
        }
    }

    private void completeIfDrained() {
        synchronized (this) {
            if (!stopped || !tasks.isEmpty()) {
                return;
            }
        }
        terminated.complete(null);
    }

    /** Records the start; tasks still run only through {@link #runOne()} and {@link #runAll()}. */
    @Override
    public EventQueue startLoop() {
        synchronized (this) {
            started = true;
        }
        return this;
    }

    /** {@code true} after {@link #startLoop()}. */
    public synchronized boolean isStarted() {
        return started;
    }

    /** {@code true} after {@link #stopLoop()}. */
    public synchronized boolean isStopped() {
        return stopped;
    }

    /**
     * Refuses every later post. The future completes when the test has run every task posted
     * before the stop (at once when none is waiting).
     */
    @Override
    public CompletableFuture<Void> stopLoop() {
        synchronized (this) {
            stopped = true;
        }
        completeIfDrained();
        return terminated.copy();
    }

    /** Waits, at most {@code timeout}, for another thread to run what is left after {@link #stopLoop()}. */
    @Override
    public boolean await(Duration timeout) throws InterruptedException {
        return Awaits.await(terminated, timeout);
    }

    @Override
    public synchronized int pending() {
        return tasks.size();
    }

    /** {@code true} on the thread that is running one of this queue's tasks. */
    @Override
    public boolean inLoop() {
        return runner == Thread.currentThread();
    }

    @Override
    public String name() {
        return name;
    }

    /**
     * {@link #stopLoop()}, then runs every task still waiting on this thread (the caller is the
     * loop), so that nothing accepted is left unrun.
     */
    @Override
    public void close() {
        stopLoop();
        runAll();
    }

    @Override
    public String toString() {
        return "ManualEventQueue(" + name + ", pending=" + pending() + ")";
    }

    /** A {@link Runnable} without an event, or an {@link EventCallback} with its event. */
    private record Entry(Object task, @Nullable RecvMsgEvent event) {
    }
}
