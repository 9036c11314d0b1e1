package io.cellnet.timer;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * {@link Scheduler#system()}: a lazily started, shared daemon thread.
 *
 * <p>Thread safety: every method may be called from any thread.
 */
public final class SystemScheduler implements Scheduler {
    /** The single instance. */
    public static final SystemScheduler INSTANCE = new SystemScheduler();

    private SystemScheduler() {
    }

    private static final class Holder {
        static final ScheduledThreadPoolExecutor EXECUTOR = create();

        private static ScheduledThreadPoolExecutor create() {
            ScheduledThreadPoolExecutor e = new ScheduledThreadPoolExecutor(1, r -> {
                Thread t = new Thread(r, "cellnet-timer");
                t.setDaemon(true);
                return t;
            });
            e.setRemoveOnCancelPolicy(true);
            return e;
        }
    }

    @Override
    public TimerHandle schedule(Runnable task, Duration delay) {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(delay, "delay");
        return TimerHandle.of(Holder.EXECUTOR.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS));
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }
}
