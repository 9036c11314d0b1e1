package io.cellnet;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * {@link EventQueue#direct()}: runs each task at once on the posting thread; exceptions go to the
 * default logging handler.
 *
 * <p>Thread safety: stateless; usable from any thread.
 */
public final class DirectEventQueue implements EventQueue {
    /** The single instance. */
    public static final DirectEventQueue INSTANCE = new DirectEventQueue();

    private DirectEventQueue() {
    }

    @Override
    public boolean post(Runnable task) {
        Objects.requireNonNull(task, "task");
        try {
            task.run();
        } catch (Throwable t) {
            DefaultEventQueue.handle(DefaultEventQueue.LOGGING_HANDLER, t, null);
        }
        return true;
    }

    @Override
    public boolean post(EventCallback callback, RecvMsgEvent event) {
        Objects.requireNonNull(callback, "callback");
        Objects.requireNonNull(event, "event");
        try {
            callback.onEvent(event);
        } catch (Throwable t) {
            DefaultEventQueue.handle(DefaultEventQueue.LOGGING_HANDLER, t, event);
        }
        return true;
    }

    /** Never: a direct queue has no batches, so work is never put off. */
    @Override
    public boolean deferToBatchEnd(Runnable task) {
        Objects.requireNonNull(task, "task");
        return false;
    }

    @Override
    public EventQueue startLoop() {
        return this;
    }

    @Override
    public CompletableFuture<Void> stopLoop() {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public boolean await(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        return true;
    }

    @Override
    public int pending() {
        return 0;
    }

    @Override
    public boolean inLoop() {
        return true;
    }

    @Override
    public String name() {
        return "direct";
    }

    @Override
    public void close() {
        // nothing to stop
    }

    @Override
    public String toString() {
        return "EventQueue.direct()";
    }
}
