package io.cellnet.netty.internal.udp;

import io.cellnet.MessageRegistry;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.socket.DatagramPacket;
import io.netty.handler.codec.MessageToMessageDecoder;
import java.util.List;

/**
 * Decodes each {@link DatagramPacket} into one {@link UdpInbound}, or reports it refused with a
 * {@link RefusedDatagram} through {@code exceptionCaught}; the packet is released after.
 *
 * <p>Thread safety: one instance per channel, used on its event loop.
 */
final class UdpDatagramDecoder extends MessageToMessageDecoder<DatagramPacket> {
    private final MessageRegistry registry;

    UdpDatagramDecoder(MessageRegistry registry) {
        super(DatagramPacket.class);
        this.registry = registry;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, DatagramPacket packet, List<Object> out) {
        Object message;
        try {
            message = UdpTransmitter.decode(registry, packet.content());
        } catch (RuntimeException e) {
            ctx.fireExceptionCaught(new RefusedDatagram(packet.sender(), e));
            return;
        }
        out.add(new UdpInbound(packet.sender(), message));
    }
}
