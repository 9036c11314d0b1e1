package io.cellnet.netty;

/**
 * Entry point for the UDP peers.
 *
 * <ul>
 *   <li>{@link #acceptor()}: {@code udp.Acceptor}, one socket and one session per remote address;</li>
 *   <li>{@link #connector()}: {@code udp.Connector}, a connected socket with one session.</li>
 * </ul>
 * Both use the {@code udp.ltv} processor by default. By name:
 * {@code Peers.newGenericPeer("udp.Acceptor", name, address, queue)}.
 *
 * <p>Thread safety: stateless; every method may be called from any thread.
 */
public final class UdpPeers {
    private UdpPeers() {
    }

    /** A builder for a {@code udp.Acceptor}. */
    public static UdpAcceptorBuilder acceptor() {
        return new UdpAcceptorBuilder();
    }

    /** A builder for a {@code udp.Connector}. */
    public static UdpConnectorBuilder connector() {
        return new UdpConnectorBuilder();
    }
}
