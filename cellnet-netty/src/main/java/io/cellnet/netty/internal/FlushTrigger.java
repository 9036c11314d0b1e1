package io.cellnet.netty.internal;

import io.cellnet.EventQueue;
import io.netty.channel.Channel;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs a link's flush task once for everything sent since the last run: the first send after a
 * flush {@linkplain #request() asks} for it and {@linkplain #schedule() schedules} it. From a task
 * of the peer's queue the task is put off until the queue's batch ends
 * ({@link EventQueue#deferToBatchEnd}), so that every reply of the batch shares one write;
 * elsewhere it goes to the channel's event loop at once.
 *
 * <p>Thread safety: {@link #request()} and {@link #started()} are called under the owner's lock,
 * {@link #schedule()} outside it, from any thread.
 */
public final class FlushTrigger {
    private final Channel channel;
    private final EventQueue queue;
    private final Runnable flush;
    private final Runnable onRejected;
    private final Runnable scheduleNow = this::scheduleNow;
    private boolean requested;

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
        return queue.deferToBatchEnd(scheduleNow) || scheduleNow();
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
