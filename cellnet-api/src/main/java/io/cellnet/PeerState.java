package io.cellnet;

/**
 * The lifecycle state of a {@link Peer}.
 *
 * <p>Thread safety: an immutable enum, usable from any thread.
 */
public enum PeerState {
    /** Not running: never started, stopped, or a start that failed. It can be started. */
    STOPPED,
    /** {@link Peer#start()} is in progress. */
    STARTING,
    /** Started: an acceptor is listening; a connector is connected or reconnecting. */
    RUNNING,
    /** {@link Peer#stop()} is in progress. */
    STOPPING
}
