package io.cellnet.netty.internal.ltv;

import io.cellnet.MessageRegistry;
import io.cellnet.SendResult;
import io.cellnet.netty.internal.ChannelTransmitter;
import io.cellnet.netty.internal.TransmitterSettings;
import io.cellnet.netty.internal.wire.PacketCodec;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelPipeline;

/**
 * The {@code tcp.ltv} transmitter, byte for byte Go's {@code util/packet.go}: each frame is
 * {@code [size u16 LE][msgid u16 LE][body]} with {@code size = 2 + body length}, at most 65535.
 * A message whose frame would not fit is refused with {@link SendResult#TOO_LARGE} (Go wraps the
 * size field and corrupts the stream).
 *
 * <p>Thread safety: stateless; {@link #encode} may be called from any thread.
 */
public final class LtvTransmitter implements ChannelTransmitter {
    /** The shared instance. */
    public static final LtvTransmitter INSTANCE = new LtvTransmitter();

    /** The largest size field: 2 bytes of id plus a body of up to 65533 bytes. */
    public static final int MAX_SIZE_FIELD = 0xFFFF;

    private LtvTransmitter() {
    }

    @Override
    public String name() {
        return "tcp.ltv";
    }

    @Override
    public void initChannel(ChannelPipeline pipeline, TransmitterSettings settings) {
        pipeline.addLast("cellnet-ltv-decoder", new LtvFrameDecoder(settings));
    }

    @Override
    public SendResult encode(Object message, MessageRegistry registry, ByteBuf out) {
        return PacketCodec.writeSizedFrame(message, registry, out, false, MAX_SIZE_FIELD);
    }

    @Override
    public String toString() {
        return "LtvTransmitter(tcp.ltv)";
    }
}
