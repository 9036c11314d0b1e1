package io.cellnet.mesh;

import io.cellnet.EventQueue;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A watcher's listener and queue: {@link #deliver} posts an event to the queue, where it reaches the
 * listener unless the watch was closed in the meantime.
 *
 * <p>Thread safety: {@link #deliver} and {@link #close} may be called from any thread.
 *
 * @param <T> the event type
 */
final class QueuedListener<T> {
    private final EventQueue queue;
    private final Consumer<T> listener;
    private final AtomicBoolean open = new AtomicBoolean(true);

    QueuedListener(EventQueue queue, Consumer<T> listener) {
        this.queue = Objects.requireNonNull(queue, "queue");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    void deliver(T event) {
        queue.post(() -> {
            if (open.get()) {
                listener.accept(event);
            }
        });
    }

    void close() {
        open.set(false);
    }
}
