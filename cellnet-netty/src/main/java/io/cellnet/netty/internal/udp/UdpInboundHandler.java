package io.cellnet.netty.internal.udp;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;

/**
 * The last handler of a UDP socket: hands each decoded datagram to its peer, and reports refused
 * datagrams and socket errors, which never close the socket or a session.
 *
 * <p>Thread safety: used on the socket's event loop.
 */
final class UdpInboundHandler extends ChannelInboundHandlerAdapter {
    private final UdpPeerBase peer;

    UdpInboundHandler(UdpPeerBase peer) {
        this.peer = peer;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof UdpInbound in)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        Object message = in.message();
        if (message == null) {
            peer.refused(in.sender(), in.refused());
        } else {
            peer.received(in.sender(), message);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        peer.socketError(cause);
    }
}
