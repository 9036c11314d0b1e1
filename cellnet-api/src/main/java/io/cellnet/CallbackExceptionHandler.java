package io.cellnet;

import org.jspecify.annotations.Nullable;

/**
 * Receives what a task or callback on an {@link EventQueue} threw (Go's
 * {@code EnableCapturePanic} notify function). The queue keeps running whatever happens here; an
 * exception thrown by the handler itself is logged and dropped.
 *
 * <p>Thread safety: called on the queue's thread.
 */
@FunctionalInterface
public interface CallbackExceptionHandler {

    /**
     * Handles {@code cause}.
     *
     * @param cause what the task threw
     * @param event the event being delivered when the task was an event callback, else {@code null}
     */
    void onException(Throwable cause, @Nullable Event event);
}
