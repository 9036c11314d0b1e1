package io.cellnet.observe;

/**
 * What relay reports. Every method has a no-op default.
 *
 * <p>Thread safety: implementations must allow calls from any thread.
 */
public interface RelayObserver {
    /** Observes nothing. */
    RelayObserver NONE = new RelayObserver() {
        @Override
        public String toString() {
            return "RelayObserver.NONE";
        }
    };

    /** A relayed message was received and decoded. */
    default void relayed() {
    }
}
