package io.cellnet.observe;

/**
 * What RPC reports about its calls. Every method has a no-op default.
 *
 * <p>Thread safety: implementations must allow calls from any thread.
 */
public interface RpcObserver {
    /** Observes nothing. */
    RpcObserver NONE = new RpcObserver() {
        @Override
        public String toString() {
            return "RpcObserver.NONE";
        }
    };

    /** A call with a request of {@code type} was sent. */
    default void called(Class<?> type) {
    }

    /**
     * A call with a request of {@code type} ended {@code nanos} after it was sent: answered, failed,
     * or ({@code timedOut}) without an answer in time.
     */
    default void completed(Class<?> type, long nanos, boolean timedOut) {
    }

    /** An answer came for a call nobody waits for any more (late, or unknown). */
    default void lateAnswer() {
    }
}
