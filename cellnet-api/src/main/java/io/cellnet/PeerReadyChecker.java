package io.cellnet;

/**
 * Whether a peer can carry traffic now (Go's {@code cellnet.PeerReadyChecker}): an acceptor is
 * listening, a connector is connected.
 *
 * <p>Thread safety: may be called from any thread; the answer may be stale by the time it is used.
 */
public interface PeerReadyChecker {

    /** {@code true} when the peer can carry traffic now. */
    boolean isReady();
}
