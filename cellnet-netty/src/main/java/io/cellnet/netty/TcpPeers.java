package io.cellnet.netty;

import io.cellnet.netty.internal.stream.SocketKind;

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
        return TcpAcceptorBuilder.of("tcp.Acceptor", "tcp.ltv", SocketKind.INSTANCE);
    }

    /** A builder for a {@code tcp.Connector}. */
    public static TcpConnectorBuilder connector() {
        return TcpConnectorBuilder.of("tcp.Connector", "tcp.ltv", SocketKind.INSTANCE, false);
    }

    /** A builder for a {@code tcp.SyncConnector}. */
    public static TcpConnectorBuilder syncConnector() {
        return TcpConnectorBuilder.of("tcp.SyncConnector", "tcp.ltv", SocketKind.INSTANCE, true);
    }
}
