package io.cellnet.proc;

import io.cellnet.EventCallback;
import io.cellnet.RecvMsgEvent;
import io.cellnet.internal.LoopThreads;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link EventCallback} that hands events to a thread that blocks for them (Go's
 * {@code proc.SyncReceiver}), for tests, tools and benchmarks.
 *
 * <p>Unlike Go's, it buffers: the peer's queue never blocks on it, and {@link #waitMessage} skips
 * (and drops, with a debug log) events of other types instead of deadlocking on the first one.
 *
 * <p>The receive methods block: called from a callback or task of a loop queue (whose thread is
 * the event loop that delivers the events), they throw an {@link IllegalStateException} at once
 * instead of waiting for themselves.
 *
 * <p>Thread safety: {@link #onEvent} is called by the peer; the receive methods may be called from
 * any other thread, except a loop queue's.
 */
public final class SyncReceiver implements EventCallback {
    private static final Logger log = LoggerFactory.getLogger(SyncReceiver.class);

    private final LinkedBlockingQueue<RecvMsgEvent> events = new LinkedBlockingQueue<>();

    /** A receiver with no event buffered yet. */
    public SyncReceiver() {
    }

    @Override
    public void onEvent(RecvMsgEvent event) {
        Objects.requireNonNull(event, "event");
        events.add(event);
    }

    /**
     * The next event, or {@code null} after {@code timeout}.
     *
     * @throws IllegalStateException on a loop queue's thread
     */
    public @Nullable RecvMsgEvent recv(Duration timeout) throws InterruptedException {
        refuseLoopThread("SyncReceiver.recv");
        return events.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * The next message of {@code type}, skipping events of other types, or {@code null} when none
     * arrives within {@code timeout}.
     *
     * @throws IllegalStateException on a loop queue's thread
     */
    public <T> @Nullable T waitMessage(Class<T> type, Duration timeout) throws InterruptedException {
        Objects.requireNonNull(type, "type");
        refuseLoopThread("SyncReceiver.waitMessage");
        long deadline = System.nanoTime() + timeout.toNanos();
        for (;;) {
            long left = deadline - System.nanoTime();
            RecvMsgEvent ev = left <= 0 ? events.poll() : events.poll(left, TimeUnit.NANOSECONDS);
            if (ev == null) {
                return null;
            }
            if (type.isInstance(ev.message())) {
                return type.cast(ev.message());
            }
            log.debug("waiting for {}: skipped {}", type.getName(), ev);
        }
    }

    private static void refuseLoopThread(String call) {
        LoopThreads.refuseBlocking(call, "handle the message in the callback instead, or receive on another thread");
    }

    /** The number of events received and not yet taken. */
    public int pending() {
        return events.size();
    }
}
