package io.cellnet.timer;

import io.cellnet.EventQueue;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A repeating timer whose ticks run on an {@link EventQueue} (Go's {@code timer.Loop}). The next
 * tick is scheduled after the current one has run, whether it returned or threw (its exception goes
 * to the queue's handler), so a failing tick does not stop the loop.
 *
 * <pre>{@code
 * TimerLoop loop = new TimerLoop(queue, Duration.ofSeconds(1), l -> saveWorld());
 * loop.start();
 * ...
 * loop.stop();
 * }</pre>
 *
 * <p>Thread safety: every method may be called from any thread; ticks run on the queue.
 */
public final class TimerLoop {
    private final Scheduler scheduler;
    private final EventQueue queue;
    private final Duration period;
    private final Consumer<TimerLoop> tick;

    private boolean running;
    private long generation;
    private @Nullable TimerHandle pending;

    /**
     * A stopped loop ticking every {@code period} on {@code queue}, using the queue's own clock when
     * it is a {@link Scheduler} (a loop queue), else {@link Scheduler#system()}.
     */
    public TimerLoop(EventQueue queue, Duration period, Consumer<TimerLoop> tick) {
        this(Timers.schedulerOf(queue), queue, period, tick);
    }

    /** A stopped loop using {@code scheduler}'s time. */
    public TimerLoop(Scheduler scheduler, EventQueue queue, Duration period, Consumer<TimerLoop> tick) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.period = Objects.requireNonNull(period, "period");
        this.tick = Objects.requireNonNull(tick, "tick");
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("loop period must be positive: " + period);
        }
    }

    /**
     * Starts ticking; the first tick comes one period from now.
     *
     * @return {@code false} when it was already running
     */
    public synchronized boolean start() {
        if (running) {
            return false;
        }
        running = true;
        generation++;
        scheduleNext(generation);
        return true;
    }

    /** Stops ticking; a tick already posted to the queue does not run. Idempotent. */
    public synchronized void stop() {
        running = false;
        generation++;
        if (pending != null) {
            pending.cancel();
            pending = null;
        }
    }

    /** {@code true} between {@link #start()} and {@link #stop()}. */
    public synchronized boolean isRunning() {
        return running;
    }

    /** The period. */
    public Duration period() {
        return period;
    }

    /** Posts one extra tick now (Go's {@code Notify}); the schedule is unchanged. */
    public void notifyNow() {
        queue.post(() -> tick.accept(this));
    }

    /**
     * Posts one extra tick now and restarts the period from it (Go's {@code NextLoop}). Does nothing
     * when stopped.
     */
    public void nextLoop() {
        long gen;
        synchronized (this) {
            if (!running) {
                return;
            }
            generation++;
            gen = generation;
            if (pending != null) {
                pending.cancel();
                pending = null;
            }
        }
        queue.post(() -> runTick(gen));
    }

    private synchronized void scheduleNext(long gen) {
        if (running && gen == generation) {
            pending = scheduler.schedule(() -> queue.post(() -> runTick(gen)), period);
        }
    }

    private void runTick(long gen) {
        synchronized (this) {
            if (!running || gen != generation) {
                return;
            }
        }
        try {
            tick.accept(this);
        } finally {
            scheduleNext(gen);
        }
    }
}
