package io.cellnet.testing;

import io.cellnet.timer.Scheduler;
import io.cellnet.timer.TimerHandle;
import java.time.Duration;
import java.util.Comparator;
import java.util.Objects;
import java.util.PriorityQueue;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Scheduler} whose time moves only when a test calls {@link #advance(Duration)}: the
 * controllable clock for timers, reconnect delays, RPC timeouts and UDP session expiry (not for the
 * event-loop timers: the read idle timeout and the heartbeat). No task runs on its own.
 *
 * <pre>{@code
 * ManualScheduler clock = new ManualScheduler();
 * TimerLoop loop = new TimerLoop(clock, EventQueue.direct(), Duration.ofSeconds(1), l -> ticks++);
 * loop.start();
 * clock.advance(Duration.ofSeconds(3));   // ticks == 3, run on this thread
 * }</pre>
 *
 * <p>{@code advance} runs the due tasks in time order (tasks due at the same time in the order they
 * were scheduled) on the calling thread. While a task runs, {@link #nanoTime()} reads that task's
 * due time, so a task that schedules another one schedules it relative to its own time; a task
 * scheduled that way runs in the same call when it falls due within the advanced window. A task
 * that always reschedules itself with a zero delay therefore never lets {@code advance} return.
 *
 * <p>Thread safety: every method may be called from any thread; due tasks run on the thread that
 * calls {@link #advance} or {@link #runDueTasks}, and two such calls never run tasks at the same
 * time (the second waits for the first); {@link #awaitPendingTasks} blocks only its caller.
 */
public final class ManualScheduler implements Scheduler {
    /** The bound of {@link #advanceUntilIdle()}: the most tasks it runs. */
    public static final int DEFAULT_IDLE_BOUND = 10_000;
    private final Object lock = new Object();
    private final Object runLock = new Object();
    // guarded by lock
    private final PriorityQueue<Task> queue = new PriorityQueue<>(
            Comparator.comparingLong((Task t) -> t.due).thenComparingLong(t -> t.seq));
    private long sequence;
    private volatile long now;

    /** A clock at time 0 with nothing scheduled. */
    public ManualScheduler() {
    }

    /**
     * Schedules {@code task} to run when the clock has moved by {@code delay} from now. A zero or
     * negative delay makes it due now: it runs at the next {@code advance} or {@code runDueTasks}.
     */
    @Override
    public TimerHandle schedule(Runnable task, Duration delay) {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(delay, "delay");
        long nanos = Math.max(0, delay.toNanos());
        synchronized (lock) {
            Task t = new Task(task, now + nanos, sequence++);
            queue.add(t);
            lock.notifyAll();
            return t;
        }
    }

    /** The clock's time in nanoseconds: 0 at creation, moved only by {@link #advance}. */
    @Override
    public long nanoTime() {
        return now;
    }

    /**
     * Moves the clock forward by {@code amount}, running every task that falls due on the way, in
     * time order, on this thread. If tasks throw, the rest still run, and the first exception is
     * rethrown at the end with the others suppressed.
     *
     * @return the number of tasks run
     * @throws IllegalArgumentException when {@code amount} is negative
     */
    public int advance(Duration amount) {
        Objects.requireNonNull(amount, "amount");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("cannot move the clock backwards: " + amount);
        }
        synchronized (runLock) {
            return runUntil(Math.addExact(now, amount.toNanos()), Integer.MAX_VALUE);
        }
    }

    /**
     * Runs the tasks due now (those scheduled with a zero delay, for example) without moving the
     * clock.
     *
     * @return the number of tasks run
     */
    public int runDueTasks() {
        synchronized (runLock) {
            return runUntil(now, Integer.MAX_VALUE);
        }
    }

    /**
     * {@link #advanceUntilIdle(int)} bounded by {@value #DEFAULT_IDLE_BOUND} tasks.
     *
     * @return the number of tasks run
     * @throws IllegalStateException when tasks are still pending after that many
     */
    public int advanceUntilIdle() {
        return advanceUntilIdle(DEFAULT_IDLE_BOUND);
    }

    /**
     * Runs every scheduled task, whenever it is due, moving the clock to each one's due time in
     * turn, including the tasks that those tasks schedule, until none is pending; the clock stays at
     * the due time of the last task run. A timer that always schedules another one (a
     * {@code TimerLoop}, a connector that keeps retrying) never lets the clock idle: after
     * {@code maxTasks} tasks the call fails instead of running forever (use {@link #advance} for
     * those).
     *
     * @return the number of tasks run
     * @throws IllegalArgumentException when {@code maxTasks} is not positive
     * @throws IllegalStateException    when tasks are still pending after {@code maxTasks} ran
     */
    public int advanceUntilIdle(int maxTasks) {
        if (maxTasks <= 0) {
            throw new IllegalArgumentException("maxTasks must be > 0: " + maxTasks);
        }
        synchronized (runLock) {
            int ran = runUntil(Long.MAX_VALUE, maxTasks);
            int left = pendingTasks();
            if (left > 0) {
                throw new IllegalStateException("the clock did not idle: " + left + " task(s) still pending after "
                        + ran + " ran (a timer that reschedules itself, such as a TimerLoop or a retrying"
                        + " connector?); move the clock with advance(Duration) instead, or raise the bound");
            }
            return ran;
        }
    }

    /** The number of tasks scheduled and neither started nor cancelled. */
    public int pendingTasks() {
        synchronized (lock) {
            return queue.size();
        }
    }

    /**
     * Waits until exactly {@code count} tasks are pending, for tasks that another thread schedules:
     * a connector schedules its reconnect on its I/O thread just after it delivers the close or
     * the connect error, so a test awaits that timer before it advances the clock.
     *
     * <pre>{@code
     * server.stop().join();
     * events.expect(SessionClosed.class);
     * clock.awaitPendingTasks(1, Duration.ofSeconds(5));   // the reconnect is scheduled
     * clock.advance(RECONNECT_DELAY);                     // and runs now
     * }</pre>
     *
     * @throws AssertionError when another number of tasks is pending after {@code timeout}
     * @throws IllegalArgumentException when {@code count} is negative
     */
    public void awaitPendingTasks(int count, Duration timeout) {
        if (count < 0) {
            throw new IllegalArgumentException("count < 0: " + count);
        }
        long deadline = System.nanoTime() + Objects.requireNonNull(timeout, "timeout").toNanos();
        synchronized (lock) {
            while (queue.size() != count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("expected " + count + " pending task(s) within " + timeout.toMillis()
                            + " ms, but " + queue.size() + " are pending");
                }
                try {
                    lock.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted while waiting for " + count + " pending task(s)", e);
                }
            }
        }
    }

    /** Runs the tasks due by {@code target}, at most {@code limit} of them. */
    private int runUntil(long target, int limit) {
        int ran = 0;
        Throwable failure = null;
        for (;;) {
            Task next = ran < limit ? takeDue(target) : null;
            if (next == null) {
                return rethrow(failure, ran);
            }
            try {
                next.task.run();
            } catch (Throwable t) {
                if (failure == null) {
                    failure = t;
                } else if (failure != t) {
                    failure.addSuppressed(t);
                }
            } finally {
                next.finish();
            }
            ran++;
        }
    }

    /** Removes the next task due by {@code target} and moves the clock to its time, or returns null. */
    private @Nullable Task takeDue(long target) {
        synchronized (lock) {
            Task next = queue.peek();
            if (next == null || next.due > target) {
                if (now < target && target != Long.MAX_VALUE) {
                    now = target;
                }
                return null;
            }
            queue.poll();
            lock.notifyAll();
            if (next.due > now) {
                now = next.due;
            }
            next.state = Task.RUNNING;
            return next;
        }
    }

    private static int rethrow(@Nullable Throwable failure, int ran) {
        if (failure == null) {
            return ran;
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException("a scheduled task failed", failure);
    }

    @Override
    public String toString() {
        return "ManualScheduler(now=" + Duration.ofNanos(now) + ", pending=" + pendingTasks() + ")";
    }

    private final class Task implements TimerHandle {
        static final int PENDING = 0;
        static final int RUNNING = 1;
        static final int DONE = 2;
        static final int CANCELLED = 3;

        final Runnable task;
        final long due;
        final long seq;
        // guarded by lock
        int state = PENDING;

        Task(Runnable task, long due, long seq) {
            this.task = task;
            this.due = due;
            this.seq = seq;
        }

        @Override
        public boolean cancel() {
            synchronized (lock) {
                if (state != PENDING) {
                    return false;
                }
                state = CANCELLED;
                queue.remove(this);
                lock.notifyAll();
                return true;
            }
        }

        @Override
        public boolean isDone() {
            synchronized (lock) {
                return state == DONE || state == CANCELLED;
            }
        }

        void finish() {
            synchronized (lock) {
                state = DONE;
            }
        }
    }
}
