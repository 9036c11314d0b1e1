package io.cellnet.netty.internal.udp;

import io.cellnet.UdpConnector;

import io.cellnet.netty.internal.TransmitterSettings;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;

/**
 * Builds a UDP socket's pipeline: the transmitter's datagram decoder, then the
 * {@link UdpInboundHandler} that hands each message to the peer.
 *
 * <p>Thread safety: runs on the socket's event loop.
 */
final class UdpInitializer extends ChannelInitializer<Channel> {
    private final UdpPeerBase peer;

    UdpInitializer(UdpPeerBase peer) {
        this.peer = peer;
    }

    @Override
    protected void initChannel(Channel ch) {
        peer.core().transmitter().initChannel(ch.pipeline(), new TransmitterSettings(peer.core().registry(), 0,
                peer.name(), peer.config.address(), peer instanceof UdpConnector));
        ch.pipeline().addLast("cellnet-udp", new UdpInboundHandler(peer));
    }
}
