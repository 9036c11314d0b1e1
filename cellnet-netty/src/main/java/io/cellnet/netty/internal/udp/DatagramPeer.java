package io.cellnet.netty.internal.udp;

import io.cellnet.CloseReason;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import java.net.InetSocketAddress;

/**
 * What differs between the UDP peers, as their {@link UdpSocket} drives them: how the socket
 * opens, and who owns the sessions.
 *
 * <p>Thread safety: see each method.
 */
interface DatagramPeer {

    /** Binds or connects the socket. */
    ChannelFuture open(Bootstrap bootstrap);

    /** The socket is open: post what starts the peer's sessions. Runs on its event loop. */
    void opened(Channel ch);

    /** A valid datagram from {@code sender}. Runs on the socket's event loop. */
    void received(InetSocketAddress sender, Object message);

    /** Closes every session with {@code reason}, posting each one's {@code SessionClosed}. Any thread. */
    void closeSessions(CloseReason reason);

    /** Closes {@code endpoint}'s session because the user asked to. Any thread. */
    void closeSession(DatagramEndpoint endpoint, CloseReason reason);
}
