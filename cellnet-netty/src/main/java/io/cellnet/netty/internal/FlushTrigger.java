package io.cellnet.netty.internal;

import io.cellnet.EventQueue;
import io.netty.channel.Channel;
import java.util.concurrent.RejectedExecutionException;
import org.jspecify.annotations.Nullable;

/**
 * Runs a link's flush task once for everything sent since the last run: the first send after a
 * flush {@linkplain #request() asks} for it and {@linkplain #schedule() schedules} it. On the
 * channel's own event loop the task is scheduled there at once, as a Netty handler would (no
 * wake-up). From any other thread it joins the loop's {@link LoopFlusher}, which runs the flushes
 * of every channel of the loop in one task and wakes the loop at most once for them; from a task of
 * the peer's queue that task is scheduled when the queue's batch ends
 * ({@link EventQueue#deferToBatchEnd}), so every reply of the batch shares one write per
 * connection, and every connection of a loop one wake-up.
 *
 * <p>{@code -Dcellnet.flush.coalesce=false} (read once) gives each flush a task of its own, as before
 * the {@link LoopFlusher}; a switch for measuring, not for tuning.
 *
 * <p>Thread safety: {@link #request()} and {@link #started()} are called under the owner's lock,
 * {@link #schedule()} outside it, from any thread.
 */
public final class FlushTrigger {
    private static final boolean COALESCE =
            Boolean.parseBoolean(System.getProperty("cellnet.flush.coalesce", "true"));

    private final Channel channel;
    private final EventQueue queue;
    private final Runnable flush;
    private final Runnable onRejected;
    private final Runnable scheduleNow = this::scheduleNow;
    private boolean requested;
    // racy cache: every thread computes the same flusher
    private @Nullable LoopFlusher loopFlusher;

    /**
     * A trigger that runs {@code flush} on {@code channel}'s event loop, batching with
     * {@code queue}; {@code onRejected} runs when the event loop is gone.
     */
    public FlushTrigger(Channel channel, EventQueue queue, Runnable flush, Runnable onRejected) {
        this.channel = channel;
        this.queue = queue;
        this.flush = flush;
        this.onRejected = onRejected;
    }

    /** Asks for a flush; {@code true} when the caller must {@link #schedule()} it (none is pending). */
    public boolean request() {
        if (requested) {
            return false;
        }
        requested = true;
        return true;
    }

    /** The flush task has started: the next send asks again. */
    public void started() {
        requested = false;
    }

    /**
     * Schedules the flush task, at the end of the caller's batch when the caller is a task of the
     * peer's queue.
     *
     * @return {@code false} when the event loop refused it ({@code onRejected} has run)
     */
    public boolean schedule() {
        if (COALESCE && !channel.eventLoop().inEventLoop()) {
            LoopFlusher flusher = loopFlusher();
            if (flusher != null) {
                // queued before the commit is deferred: the watchdog may run the commit at any time
                flusher.add(this);
                return queue.deferToBatchEnd(flusher.committer()) || flusher.commit();
            }
        }
        return queue.deferToBatchEnd(scheduleNow) || scheduleNow();
    }

    /** Runs the flush; called by the {@link LoopFlusher} on the event loop. */
    void flush() {
        flush.run();
    }

    /** The event loop refused the flush; called by the {@link LoopFlusher}. */
    void rejected() {
        onRejected.run();
    }

    private @Nullable LoopFlusher loopFlusher() {
        LoopFlusher f = loopFlusher;
        if (f == null) {
            f = LoopFlusher.of(channel.eventLoop());
            loopFlusher = f;
        }
        return f;
    }

    private boolean scheduleNow() {
        try {
            channel.eventLoop().execute(flush);
            return true;
        } catch (RejectedExecutionException e) {
            onRejected.run();
            return false;
        }
    }
}
