package io.cellnet;

/**
 * User code that handles inbound events (Go's {@code cellnet.EventCallback}). A peer calls it on
 * its {@link EventQueue}, or on the I/O thread when the peer's queue is {@link EventQueue#direct()}.
 *
 * <p>Contract: it should be fast and should not block an I/O thread. An exception it throws goes
 * to the queue's {@link CallbackExceptionHandler} (by default one log line); the session, the peer
 * and the queue keep running.
 *
 * <p>Thread safety: called on one thread at a time per queue.
 */
@FunctionalInterface
public interface EventCallback {

    /** A callback that ignores every event. */
    EventCallback NONE = ev -> { };

    /** Handles one event. */
    void onEvent(RecvMsgEvent event);
}
