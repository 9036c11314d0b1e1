package io.cellnet.netty.internal.udp;

import io.cellnet.CloseReason;
import io.cellnet.Session;
import io.cellnet.SessionClosed;
import io.cellnet.SessionConnected;
import io.cellnet.UdpConnector;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code udp.Connector} on a connected Netty datagram socket; built by {@code UdpPeers.connector()}.
 * One session, reopened with the next id on each start.
 *
 * <p>Thread safety: every method may be called from any thread.
 */
public final class NettyUdpConnector implements UdpConnector, SocketUdpPeer, DatagramPeer {
    private final UdpSocket socket;
    private final DatagramEndpoint endpoint;
    private final AtomicLong ids;

    /** A connector with {@code config}; each start's session takes the next id from {@code idBase}. */
    public NettyUdpConnector(UdpPeerConfig config, long idBase) {
        this.socket = new UdpSocket(config, this, this, true);
        this.endpoint = new DatagramEndpoint(socket, this, socket.core());
        this.ids = new AtomicLong(idBase);
    }

    @Override
    public UdpSocket socket() {
        return socket;
    }

    @Override
    public ChannelFuture open(Bootstrap bootstrap) {
        return bootstrap.connect(InetSocketAddress.createUnresolved(socket.config().address().host(),
                socket.config().address().minPort()));
    }

    @Override
    public void opened(Channel ch) {
        endpoint.open(ids.getAndIncrement(), (InetSocketAddress) ch.remoteAddress(), System.nanoTime());
        socket.core().deliver(endpoint.session(), null, SessionConnected.INSTANCE);
    }

    @Override
    public void received(InetSocketAddress sender, Object message) {
        if (endpoint.isOpen()) {
            socket.core().deliver(endpoint.session(), null, message);
        }
    }

    /** Closing the connector's session stops the connector (UDP has no reconnect). */
    @Override
    public void closeSession(DatagramEndpoint e, CloseReason reason) {
        stop();
    }

    @Override
    public void closeSessions(CloseReason reason) {
        if (endpoint.markClosed()) {
            socket.core().deliver(endpoint.session(), null, new SessionClosed(reason, null));
        }
    }

    @Override
    public Session session() {
        return endpoint.session();
    }

    @Override
    public boolean isReady() {
        return endpoint.isOpen();
    }

    @Override
    public String toString() {
        return socket.shell().toString();
    }
}
