package io.cellnet.observe;

/**
 * What cellnet-mesh reports about discovery and routing. Every method has a no-op default.
 *
 * <p>Thread safety: implementations must allow calls from any thread.
 */
public interface MeshObserver {
    /** Observes nothing. */
    MeshObserver NONE = new MeshObserver() {
        @Override
        public String toString() {
            return "MeshObserver.NONE";
        }
    };

    /**
     * The instances of {@code service} changed by {@code change} ({@code added}, {@code removed} or
     * {@code updated}); {@code instances} are now known.
     */
    default void discoveryChanged(String service, String change, int instances) {
    }

    /** A message for {@code service} could not be routed (empty when no route names one). */
    default void routingFailed(String service) {
    }
}
