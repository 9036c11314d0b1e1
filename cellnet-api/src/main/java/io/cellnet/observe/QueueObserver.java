package io.cellnet.observe;

/**
 * What an event queue reports about its tasks. Called on the queue's thread; must be fast. Every
 * method has a no-op default. A queue times its tasks only when its observer is not {@link #NONE},
 * and then only one task in {@link #timingInterval()}.
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

    /**
     * Times about one task in this many ({@link #started} and {@link #finished} are called for those
     * only); 1, the default, times every task. Read once, when the queue is built.
     */
    default int timingInterval() {
        return 1;
    }

    /** A timed task starts {@code delayNanos} after it was posted. */
    default void started(long delayNanos) {
    }

    /** A timed task ran for {@code runNanos}. */
    default void finished(long runNanos) {
    }

    /** A task (timed or not) threw. */
    default void failed() {
    }
}
