package io.cellnet.timer;

import java.time.Duration;

/**
 * Runs tasks after a delay and tells the time: the clock behind timers and, in cellnet-netty,
 * behind reconnect and idle policies when one is configured. {@link #system()} is real time;
 * {@code io.cellnet.testing.ManualScheduler} is a clock a test moves by hand.
 *
 * <p>Thread safety: implementations must be thread-safe.
 */
public interface Scheduler {

    /**
     * Runs {@code task} once after {@code delay}, on a thread of the scheduler's choosing; the task
     * must be short (timers post to a queue from it).
     */
    TimerHandle schedule(Runnable task, Duration delay);

    /** The current time in nanoseconds, for measuring intervals only. */
    long nanoTime();

    /** The real-time scheduler: one shared daemon thread named {@code cellnet-timer}. */
    static Scheduler system() {
        return SystemScheduler.INSTANCE;
    }
}
