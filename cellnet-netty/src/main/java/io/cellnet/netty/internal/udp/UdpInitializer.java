package io.cellnet.netty.internal.udp;

import io.cellnet.netty.internal.ByteCounter;
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
    private final UdpSocket socket;

    UdpInitializer(UdpSocket socket) {
        this.socket = socket;
    }

    @Override
    protected void initChannel(Channel ch) {
        ByteCounter.install(ch.pipeline(), socket.core().observer());
        socket.core().transmitter().initChannel(ch.pipeline(), new TransmitterSettings(socket.core().registry(), 0,
                socket.core().name(), socket.config().address(), socket.client()));
        ch.pipeline().addLast("cellnet-udp", new UdpInboundHandler(socket));
    }
}
