package io.cellnet.netty;

import io.cellnet.UdpConnector;
import io.cellnet.netty.internal.udp.NettyUdpConnector;
import io.cellnet.netty.internal.udp.UdpPeerConfig;

/**
 * Builds a {@code udp.Connector}.
 *
 * <pre>{@code
 * UdpConnector client = UdpPeers.connector()
 *     .address("127.0.0.1:7702").queue(queue).callback(dispatcher)
 *     .build();
 * client.start().join();   // SessionConnected is posted at once
 * }</pre>
 *
 * <p>Thread safety: not thread-safe; use from one thread. The built peer is thread-safe.
 */
public final class UdpConnectorBuilder extends UdpPeerBuilder<UdpConnectorBuilder> {

    UdpConnectorBuilder() {
        super("udp.Connector");
    }

    /** The connector, stopped. */
    public UdpConnector build() {
        UdpPeerConfig c = config();
        if (c.address().host().isEmpty() || c.address().minPort() == 0) {
            throw new IllegalArgumentException("a udp connector needs a host and a port: " + c.peer().addressText());
        }
        return new NettyUdpConnector(c, idBase);
    }
}
