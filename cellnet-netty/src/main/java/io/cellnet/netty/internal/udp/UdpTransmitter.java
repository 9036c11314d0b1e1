package io.cellnet.netty.internal.udp;

import io.cellnet.FrameException;
import io.cellnet.MessageRegistry;
import io.cellnet.SendResult;
import io.cellnet.netty.internal.ChannelTransmitter;
import io.cellnet.netty.internal.TransmitterSettings;
import io.cellnet.netty.internal.wire.PacketCodec;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelPipeline;

/**
 * The {@code udp.ltv} transmitter, byte for byte Go's {@code proc/udp}: one message per datagram,
 * {@code [size u16 LE][msgid u16 LE][body]}, where {@code size} is the length of the whole datagram
 * including the size field itself (unlike {@code tcp.ltv}), at most {@link #MTU} bytes. A message
 * whose datagram would be longer is refused with {@link SendResult#TOO_LARGE}.
 *
 * <p>Inbound, its decoder turns each valid datagram into one message tagged with its sender and
 * reports each malformed one (short, size mismatch, over the MTU, unknown or system id, codec
 * error) as refused; the peer drops it without closing anything.
 *
 * <p>Thread safety: stateless; {@link #encode} may be called from any thread.
 */
public final class UdpTransmitter implements ChannelTransmitter {
    /** The shared instance. */
    public static final UdpTransmitter INSTANCE = new UdpTransmitter();

    /** The largest datagram, header included (Go's {@code MTU} constant). */
    public static final int MTU = 1472;

    /** The size field and the message id. */
    static final int HEADER = 4;

    private UdpTransmitter() {
    }

    @Override
    public String name() {
        return "udp.ltv";
    }

    @Override
    public void initChannel(ChannelPipeline pipeline, TransmitterSettings settings) {
        pipeline.addLast("cellnet-udp-decoder", new UdpDatagramDecoder(settings.registry()));
    }

    @Override
    public SendResult encode(Object message, MessageRegistry registry, ByteBuf out) {
        return PacketCodec.writeSizedFrame(message, registry, out, true, MTU);
    }

    @Override
    public boolean isStream() {
        return false;
    }

    /**
     * Decodes one datagram (its readable bytes) with Go's receive rules, made safe: a datagram
     * shorter than the 4-byte header (Go panics on 2 or 3 bytes), longer than {@link #MTU}, or
     * whose size field differs from its length is refused, as are unknown and system ids.
     *
     * @throws FrameException when the datagram breaks the framing rules
     * @throws io.cellnet.codec.CodecException when the codec refuses the body
     */
    public static Object decode(MessageRegistry registry, ByteBuf datagram) {
        int length = datagram.readableBytes();
        if (length < HEADER) {
            throw new FrameException("short datagram: " + length + " bytes");
        }
        if (length > MTU) {
            throw new FrameException("datagram of " + length + " bytes is over the MTU of " + MTU);
        }
        int start = datagram.readerIndex();
        int size = datagram.getUnsignedShortLE(start);
        if (size != length) {
            throw new FrameException("size field " + size + " does not match the datagram length " + length);
        }
        int id = datagram.getUnsignedShortLE(start + 2);
        return PacketCodec.decode(registry, id, datagram.slice(start + HEADER, length - HEADER));
    }

    @Override
    public String toString() {
        return "UdpTransmitter(udp.ltv)";
    }
}
