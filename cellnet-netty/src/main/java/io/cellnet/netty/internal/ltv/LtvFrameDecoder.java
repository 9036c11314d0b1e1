package io.cellnet.netty.internal.ltv;

import io.cellnet.FrameException;
import io.cellnet.netty.internal.InputRefusal;
import io.cellnet.netty.internal.TransmitterSettings;
import io.cellnet.netty.internal.wire.PacketCodec;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Splits the inbound stream into {@code tcp.ltv} frames and decodes each body in place, with Go's
 * receive rules (§2.1 of the reference): a size field {@code >= maxPacketSize} (when set) is
 * "packet over size", a size below 2 is "short msgid", an unregistered id is "msg not exists".
 * The first refused frame is reported through {@code exceptionCaught} with its cause, after the
 * frames decoded before it; every byte after it is discarded.
 *
 * <p>Thread safety: one instance per channel, used on its event loop.
 */
final class LtvFrameDecoder extends ByteToMessageDecoder {
    private final TransmitterSettings settings;
    private boolean failed;
    private final InputRefusal refusal = new InputRefusal();

    LtvFrameDecoder(TransmitterSettings settings) {
        this.settings = settings;
    }

    /** Decodes and fires what {@code msg} completes, then the refusal it caused, if any. */
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        super.channelRead(ctx, msg);
        refusal.report(ctx);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (failed) {
            in.skipBytes(in.readableBytes());
            return;
        }
        int max = settings.maxPacketSize();
        while (in.readableBytes() >= 2) {
            int start = in.readerIndex();
            int size = in.getUnsignedShortLE(start);
            if (max > 0 && size >= max) {
                fail(in, new FrameException("packet over size: size " + size + " >= maxPacketSize " + max));
                return;
            }
            if (size < 2) {
                fail(in, new FrameException("short msgid: size " + size));
                return;
            }
            int end = start + 2 + size;
            if (in.writerIndex() < end) {
                return;
            }
            int id = in.getUnsignedShortLE(start + 2);
            int writerIndex = in.writerIndex();
            in.setIndex(start + 4, end);
            Object message;
            try {
                message = PacketCodec.decode(settings.registry(), id, in);
            } catch (RuntimeException e) {
                in.writerIndex(writerIndex);
                fail(in, e);
                return;
            }
            in.setIndex(end, writerIndex);
            out.add(message);
        }
    }

    private void fail(ByteBuf in, Throwable cause) {
        failed = true;
        in.skipBytes(in.readableBytes());
        refusal.refuse(cause);
    }
}
