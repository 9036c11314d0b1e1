package io.cellnet.internal;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * Runs the work a batch holds for longer than {@link BatchDeferral#HOLD_BOUND_NANOS}, from one
 * shared daemon thread: a queue task that sends and then blocks (waits on a future, sleeps, runs a
 * JDBC call) neither ends its batch nor needs to flush by hand; its writes still leave within about
 * a millisecond.
 *
 * <p>The thread starts with the first watched queue and ends a few seconds after the last one is
 * unwatched. While some queue holds work it wakes when the oldest holding is due; after
 * {@link #LINGER_TICKS} quiet ticks it parks until a queue holds work again, so an idle process
 * pays nothing.
 *
 * <p>Thread safety: every method may be called from any thread.
 */
final class DeferralWatchdog implements Runnable {
    static final DeferralWatchdog INSTANCE = new DeferralWatchdog();

    /** Quiet ticks (of {@link BatchDeferral#HOLD_BOUND_NANOS}) before the thread parks without a bound. */
    private static final int LINGER_TICKS = 64;
    /** How long the thread waits, with nothing watched, before it ends. */
    private static final long EXIT_AFTER_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final CopyOnWriteArrayList<BatchDeferral> watched = new CopyOnWriteArrayList<>();
    private volatile boolean idle;
    // guarded by this
    private @Nullable Thread thread;

    private DeferralWatchdog() {
    }

    /** Watches {@code deferral} until {@link #unwatch}; starts the thread when needed. */
    void watch(BatchDeferral deferral) {
        watched.add(deferral);
        synchronized (this) {
            if (thread == null) {
                Thread t = new Thread(this, "cellnet-queue-watchdog");
                t.setDaemon(true);
                thread = t;
                t.start();
            }
        }
    }

    /** Stops watching {@code deferral}. */
    void unwatch(BatchDeferral deferral) {
        watched.remove(deferral);
    }

    /** A watched deferral holds work: wakes the thread if it parked without a bound. */
    void wake() {
        if (idle) {
            idle = false;
            Thread t;
            synchronized (this) {
                t = thread;
            }
            if (t != null) {
                LockSupport.unpark(t);
            }
        }
    }

    @Override
    public void run() {
        int quietTicks = 0;
        for (;;) {
            long next = runDue(System.nanoTime());
            if (next != 0) {
                // never longer than a tick: a deferral that starts holding meanwhile is seen in time
                quietTicks = 0;
                LockSupport.parkNanos(this, Math.min(next, BatchDeferral.HOLD_BOUND_NANOS));
            } else if (++quietTicks < LINGER_TICKS) {
                LockSupport.parkNanos(this, BatchDeferral.HOLD_BOUND_NANOS);
            } else if (parkIdle()) {
                return;
            } else {
                quietTicks = 0;
            }
        }
    }

    /**
     * Runs the held work that is due at {@code now}.
     *
     * @return how long until the next holding falls due (at least 1), or 0 when nothing is held
     */
    private long runDue(long now) {
        long next = Long.MAX_VALUE;
        for (BatchDeferral d : watched) {
            long since = d.heldSince();
            if (since == 0) {
                continue;
            }
            long wait = since + d.holdBoundNanos() - now;
            if (wait <= 0) {
                d.runHeld();
            } else {
                next = Math.min(next, wait);
            }
        }
        return next == Long.MAX_VALUE ? 0 : next;
    }

    /**
     * Parks until {@link #wake()}; when nothing is watched for {@link #EXIT_AFTER_NANOS}, ends the
     * thread instead.
     *
     * @return {@code true} when the thread must end
     */
    private boolean parkIdle() {
        idle = true;
        // a deferral that held work before it could see idle set is seen here
        for (BatchDeferral d : watched) {
            if (d.heldSince() != 0) {
                idle = false;
                return false;
            }
        }
        if (watched.isEmpty()) {
            LockSupport.parkNanos(this, EXIT_AFTER_NANOS);
            synchronized (this) {
                if (watched.isEmpty()) {
                    thread = null;
                    idle = false;
                    return true;
                }
            }
        } else {
            LockSupport.park(this);
        }
        idle = false;
        return false;
    }
}
