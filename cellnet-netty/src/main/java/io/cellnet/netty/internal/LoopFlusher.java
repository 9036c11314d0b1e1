package io.cellnet.netty.internal;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.SingleThreadEventExecutor;
import io.netty.util.internal.PlatformDependent;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The flushes that other threads ask of one event loop, run by one task: a queue thread that ends a
 * batch with replies on sixteen connections of this loop hands it one task, not sixteen, and wakes
 * it at most once. While that task is scheduled and has not started, further requests join it and
 * schedule nothing, so a loop that already has a wake-up coming gets no second one.
 *
 * <p>A request is two steps: {@link #add} queues a link's flush (no wake-up), {@link #commit()}
 * makes sure a drain task is scheduled. A queue thread adds at once and commits when its batch ends
 * ({@link io.cellnet.EventQueue#deferToBatchEnd}), so every flush of the batch is already queued
 * when the one task runs.
 *
 * <p>Thread safety: {@link #of}, {@link #add} and {@link #commit()} may be called from any thread;
 * the drain runs on the event loop.
 */
final class LoopFlusher implements Runnable {
    /** How many flushes one drain runs before it yields the loop to its other work and reschedules. */
    static final int MAX_PER_DRAIN = 1024;

    private static final Logger log = LoggerFactory.getLogger(LoopFlusher.class);
    private static final Map<EventLoop, LoopFlusher> FLUSHERS = new ConcurrentHashMap<>();

    private final EventLoop loop;
    private final Queue<FlushTrigger> pending = PlatformDependent.newMpscQueue();
    /** {@code true} from a scheduled drain until it starts. */
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Runnable commit = this::commit;

    private LoopFlusher(EventLoop loop) {
        this.loop = loop;
    }

    /**
     * The flusher of {@code loop}, made on first use and forgotten when the loop terminates; {@code null}
     * for loops that are not a thread of their own (an {@code EmbeddedChannel}'s, whose termination
     * may never come), which keep one task per flush.
     */
    static @Nullable LoopFlusher of(EventLoop loop) {
        LoopFlusher flusher = FLUSHERS.get(loop);
        if (flusher != null) {
            return flusher;
        }
        if (!(loop instanceof SingleThreadEventExecutor)) {
            return null;
        }
        LoopFlusher created = new LoopFlusher(loop);
        flusher = FLUSHERS.putIfAbsent(loop, created);
        if (flusher != null) {
            return flusher;
        }
        loop.terminationFuture().addListener(f -> FLUSHERS.remove(loop, created));
        return created;
    }

    /** The {@link #commit()} task, one object for every deferral. */
    Runnable committer() {
        return commit;
    }

    /** Queues {@code trigger}'s flush; nothing runs until a {@link #commit()}. */
    void add(FlushTrigger trigger) {
        pending.add(trigger);
    }

    /**
     * Schedules the drain unless one is scheduled and not yet started. When the loop refuses it, every
     * queued flush is refused ({@link FlushTrigger#rejected()}).
     *
     * @return {@code false} when the loop refused the drain
     */
    boolean commit() {
        if (pending.isEmpty() || !scheduled.compareAndSet(false, true)) {
            return true;
        }
        try {
            loop.execute(this);
            return true;
        } catch (RejectedExecutionException e) {
            scheduled.set(false);
            for (FlushTrigger t; (t = pending.poll()) != null;) {
                t.rejected();
            }
            return false;
        }
    }

    /** The drain: runs the queued flushes on the loop. */
    @Override
    public void run() {
        // Cleared first: a flush queued from here on schedules a drain of its own, or is run by this one.
        scheduled.set(false);
        for (int i = 0; i < MAX_PER_DRAIN; i++) {
            FlushTrigger t = pending.poll();
            if (t == null) {
                return;
            }
            try {
                t.flush();
            } catch (RuntimeException | Error e) {
                log.warn("flush on event loop {} failed", loop, e);
            }
        }
        commit();
    }

    @Override
    public String toString() {
        return "LoopFlusher(" + loop + ", " + pending.size() + " pending)";
    }
}
