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
    private final UdpSocket socket;

    UdpInboundHandler(UdpSocket socket) {
        this.socket = socket;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof UdpInbound in) {
            socket.owner().received(in.sender(), in.message());
        } else {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof RefusedDatagram refused) {
            socket.refused(refused.sender(), refused.getCause() != null ? refused.getCause() : refused);
        } else {
            socket.socketError(cause);
        }
    }
}
