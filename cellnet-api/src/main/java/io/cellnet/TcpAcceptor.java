package io.cellnet;

/**
 * A TCP listener (Go's {@code cellnet.TCPAcceptor}): binds {@code host:port}, the first free port of
 * {@code host:min~max}, or port 0, and owns one session per accepted connection.
 *
 * <p>Thread safety: every method may be called from any thread.
 */
public interface TcpAcceptor extends GenericPeer, SessionAccessor, TcpSocketOptions, PeerReadyChecker {

    /** The bound port while running, else {@code 0}. */
    int port();
}
