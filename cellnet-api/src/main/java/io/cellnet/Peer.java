package io.cellnet;

import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * A network endpoint that can be started and stopped: an acceptor that listens, or a connector
 * that dials (Go's {@code cellnet.Peer}).
 *
 * <p>Lifecycle: {@link PeerState#STOPPED} → {@code start()} → {@link PeerState#STARTING} →
 * {@link PeerState#RUNNING} → {@code stop()} → {@link PeerState#STOPPING} →
 * {@link PeerState#STOPPED}. A stopped peer can be started again. Starting a peer that is starting
 * or running returns the future of that start and does nothing else; stopping a stopped peer
 * returns a completed future.
 *
 * <p>Thread safety: every method may be called from any thread, including from inside the peer's
 * own callbacks.
 */
public interface Peer extends AutoCloseable {

    /** The registered type name, for example {@code "tcp.Acceptor"}. */
    String typeName();

    /**
     * Starts the peer. The future completes when the peer is running (an acceptor is bound; a
     * connector has started its first connection attempt), or completes exceptionally with the
     * cause when it cannot start (for example a bind failure).
     */
    CompletableFuture<Void> start();

    /**
     * Stops the peer: no new connections, every session closed. The future completes when the peer
     * is stopped and every session's {@link SessionClosed} has been posted.
     */
    CompletableFuture<Void> stop();

    /** The current lifecycle state. */
    PeerState state();

    /** {@code true} when the peer is {@link PeerState#RUNNING}. */
    default boolean isRunning() {
        return state() == PeerState.RUNNING;
    }

    /**
     * Stops the peer and waits for the stop to complete. When called from a thread that the stop
     * itself needs (one of the peer's I/O threads), it starts the stop and returns without waiting.
     */
    @Override
    void close();

    /**
     * Returns this peer, or the object behind it, as {@code type}, or {@code null} when it is not
     * one. Implementations use this to expose transport objects (a Netty {@code Channel}) without
     * putting their types in this API.
     */
    default <T> @Nullable T as(Class<T> type) {
        return type.isInstance(this) ? type.cast(this) : null;
    }
}
