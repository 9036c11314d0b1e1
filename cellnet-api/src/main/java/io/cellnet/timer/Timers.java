package io.cellnet.timer;

import io.cellnet.EventQueue;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * One-shot timers that run on an {@link EventQueue} (Go's {@code timer.After}).
 *
 * <pre>{@code
 * TimerHandle h = Timers.after(queue, Duration.ofMillis(100), () -> log.info("later, on the queue"));
 * h.cancel();
 * }</pre>
 *
 * <p>Thread safety: every method may be called from any thread.
 */
public final class Timers {
    private Timers() {
    }

    /**
     * Runs {@code task} on {@code queue} after {@code delay}, using the queue's own clock when it is
     * a {@link Scheduler} (a loop queue: the timer runs on its event loop, with no other thread),
     * else {@link Scheduler#system()}.
     */
    public static TimerHandle after(EventQueue queue, Duration delay, Runnable task) {
        return after(schedulerOf(queue), queue, delay, task);
    }

    /** The clock of timers on {@code queue} when none is given: the queue's own, or the system's. */
    static Scheduler schedulerOf(EventQueue queue) {
        return queue instanceof Scheduler own ? own : Scheduler.system();
    }

    /**
     * Runs {@code task} on {@code queue} after {@code delay} of {@code scheduler}'s time. Cancelling
     * works until the task starts on the queue; an exception from the task goes to the queue's
     * exception handler.
     */
    public static TimerHandle after(Scheduler scheduler, EventQueue queue, Duration delay, Runnable task) {
        Objects.requireNonNull(scheduler, "scheduler");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(task, "task");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative: " + delay);
        }
        OneShot shot = new OneShot(task);
        shot.timer = scheduler.schedule(() -> queue.post(shot), delay);
        return shot;
    }

    private static final class OneShot implements TimerHandle, Runnable {
        private static final int PENDING = 0;
        private static final int RAN = 1;
        private static final int CANCELLED = 2;

        private final Runnable task;
        private final AtomicInteger state = new AtomicInteger(PENDING);
        private volatile @Nullable TimerHandle timer;

        OneShot(Runnable task) {
            this.task = task;
        }

        @Override
        public void run() {
            if (state.compareAndSet(PENDING, RAN)) {
                task.run();
            }
        }

        @Override
        public boolean cancel() {
            if (state.compareAndSet(PENDING, CANCELLED)) {
                TimerHandle t = timer;
                if (t != null) {
                    t.cancel();
                }
                return true;
            }
            return false;
        }

        @Override
        public boolean isDone() {
            return state.get() != PENDING;
        }
    }
}
