package io.cellnet.observe;

/**
 * What an event queue reports about its tasks. Called on the queue's thread; must be fast. Every
 * method has a no-op default. A queue times its tasks only when its observer is not {@link #NONE}.
 *
 * <p>Thread safety: implementations must allow calls from any thread.
 */
public interface QueueObserver {
    /** Observes nothing. */
    QueueObserver NONE = new QueueObserver() {
        @Override
        public String toString() {
            return "QueueObserver.NONE";
        }
    };

    /** A task starts {@code delayNanos} after it was posted. */
    default void started(long delayNanos) {
    }

    /** A task ran for {@code runNanos}; it threw when {@code failed}. */
    default void finished(long runNanos, boolean failed) {
    }
}
