package io.cellnet.netty.internal.udp;

import io.cellnet.UdpConnector;
import io.cellnet.netty.UdpPeers;

import io.cellnet.CloseReason;
import io.cellnet.Session;
import io.cellnet.SessionClosed;
import io.cellnet.SessionConnected;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code udp.Connector} on a connected Netty datagram socket; see {@link UdpPeers#connector()}.
 *
 * <p>Thread safety: every method may be called from any thread.
 */
public final class NettyUdpConnector extends UdpPeerBase implements UdpConnector {
    private final UdpSession session;
    private final AtomicLong ids;

    public NettyUdpConnector(UdpPeerConfig config, long idBase) {
        super(config);
        this.session = new UdpSession(core, this);
        this.ids = new AtomicLong(idBase);
    }

    @Override
    ChannelFuture open(Bootstrap bootstrap) {
        return bootstrap.connect(InetSocketAddress.createUnresolved(config.address().host(), config.address().minPort()));
    }

    @Override
    void opened(Channel ch) {
        session.open(ids.getAndIncrement(), (InetSocketAddress) ch.remoteAddress(), System.nanoTime());
        core.deliver(session, null, SessionConnected.INSTANCE);
    }

    @Override
    void received(InetSocketAddress sender, Object message) {
        if (session.isOpen()) {
            core.deliver(session, null, message);
        }
    }

    /** Closing the connector's session stops the connector (UDP has no reconnect). */
    @Override
    void closeSession(UdpSession s, CloseReason reason) {
        stop();
    }

    @Override
    void closeSessions(CloseReason reason) {
        if (session.markClosed()) {
            core.deliver(session, null, new SessionClosed(reason, null));
        }
    }

    @Override
    public Session session() {
        return session;
    }

    @Override
    public boolean isReady() {
        return session.isOpen();
    }
}
