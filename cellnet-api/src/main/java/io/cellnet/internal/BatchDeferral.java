package io.cellnet.internal;

import java.util.ArrayDeque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The work that the tasks of one event queue put off until their batch ends. cellnet-netty
 * schedules a connection's flush this way, so that the replies a game loop sends to a burst of
 * messages leave in one write instead of one each.
 *
 * <p>Held work runs on the queue's thread when the batch ends and every
 * {@value #MAX_TASKS_BETWEEN_RUNS} tasks within a long batch. A task that sends and then blocks
 * (on a future, a lock, a sleep, JDBC) does not end its batch; the {@link DeferralWatchdog} then
 * runs the held work from its own thread once it has been held for {@link #HOLD_BOUND_NANOS} (1 ms). Held
 * work must therefore be short and thread-safe ("schedule this connection's flush on its event
 * loop" is both).
 *
 * <p>Thread safety: {@link #defer}, {@link #startBatch}, {@link #afterTask} and {@link #endBatch}
 * are called on the queue's thread only; {@link #runHeld} and {@link #heldSince} from any thread.
 * Each held task runs exactly once.
 */
public final class BatchDeferral {
    /** Held work runs at least this often within a long batch, so early replies are not held back. */
    static final int MAX_TASKS_BETWEEN_RUNS = 256;
    /** How long work may be held by a batch that does not end before the watchdog runs it. */
    static final long HOLD_BOUND_NANOS = 1_000_000;

    private static final Logger log = LoggerFactory.getLogger(BatchDeferral.class);

    private final String name;
    private final long holdBoundNanos;
    // guarded by held
    private final ArrayDeque<Runnable> held = new ArrayDeque<>();
    /** When the oldest held task was deferred ({@link System#nanoTime()}, never 0); 0 when nothing is held. */
    private volatile long heldSince;
    // queue thread only
    private boolean inBatch;
    private boolean watched;

    /** The deferral of the queue named {@code name} (for logs). */
    public BatchDeferral(String name) {
        this(name, HOLD_BOUND_NANOS);
    }

    /** A deferral whose held work the watchdog runs after {@code holdBoundNanos}; for tests. */
    BatchDeferral(String name, long holdBoundNanos) {
        this.name = name;
        this.holdBoundNanos = holdBoundNanos;
    }

    /**
     * Puts {@code task} off until the current batch ends; call on the queue's thread.
     *
     * @return {@code false}, without keeping {@code task}, when no batch is running
     */
    public boolean defer(Runnable task) {
        if (!inBatch) {
            return false;
        }
        synchronized (held) {
            if (held.isEmpty()) {
                long now = System.nanoTime();
                heldSince = now == 0 ? 1 : now;
            }
            held.add(task);
        }
        if (!watched) {
            watched = true;
            DeferralWatchdog.INSTANCE.watch(this);
        }
        DeferralWatchdog.INSTANCE.wake();
        return true;
    }

    /** A batch starts. */
    public void startBatch() {
        inBatch = true;
    }

    /** {@code tasksRun} tasks of the batch have run. */
    public void afterTask(int tasksRun) {
        if (tasksRun % MAX_TASKS_BETWEEN_RUNS == 0) {
            runHeld();
        }
    }

    /** The batch has ended: runs what it held. */
    public void endBatch() {
        inBatch = false;
        runHeld();
    }

    /** The queue's loop has ended: runs what is left and stops being watched. */
    public void close() {
        inBatch = false;
        runHeld();
        if (watched) {
            watched = false;
            DeferralWatchdog.INSTANCE.unwatch(this);
        }
    }

    /** How long work may be held before the watchdog runs it. */
    long holdBoundNanos() {
        return holdBoundNanos;
    }

    /** When the oldest held task was deferred ({@link System#nanoTime()}), or 0 when nothing is held. */
    long heldSince() {
        return heldSince;
    }

    /** Runs every held task on the calling thread; a task that throws is logged and the rest still run. */
    void runHeld() {
        for (;;) {
            Runnable task;
            synchronized (held) {
                task = held.poll();
                if (task == null) {
                    heldSince = 0;
                    return;
                }
            }
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                log.error("deferred work of event queue '{}' failed", name, e);
            }
        }
    }

    @Override
    public String toString() {
        return "BatchDeferral(" + name + ")";
    }
}
