package io.cellnet.netty.tcp;

/**
 * Entry point for the TCP peers.
 *
 * <ul>
 *   <li>{@link #acceptor()}: {@code tcp.Acceptor}, listens and owns one session per connection;</li>
 *   <li>{@link #connector()}: {@code tcp.Connector}, dials in the background and reconnects per its
 *       policy;</li>
 *   <li>{@link #syncConnector()}: {@code tcp.SyncConnector}, whose {@code start()} returns when
 *       connected or failed, and which never reconnects.</li>
 * </ul>
 *
 * <p>Thread safety: stateless; every method may be called from any thread.
 */
public final class TcpPeers {
    private TcpPeers() {
    }

    /** A builder for a {@code tcp.Acceptor}. */
    public static TcpAcceptorBuilder acceptor() {
        return new TcpAcceptorBuilder();
    }

    /** A builder for a {@code tcp.Connector}. */
    public static TcpConnectorBuilder connector() {
        return new TcpConnectorBuilder(false);
    }

    /** A builder for a {@code tcp.SyncConnector}. */
    public static TcpConnectorBuilder syncConnector() {
        return new TcpConnectorBuilder(true);
    }
}
