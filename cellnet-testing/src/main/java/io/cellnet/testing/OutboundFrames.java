package io.cellnet.testing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufHolder;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;
import java.io.ByteArrayOutputStream;

/**
 * Reads what a pipeline wrote to an {@link EmbeddedChannel}: the bytes of every {@code ByteBuf}
 * and of every {@code ByteBufHolder} frame, in order, each released once read.
 *
 * <p>Thread safety: stateless; the channel must be used from one thread.
 */
final class OutboundFrames {
    private OutboundFrames() {
    }

    /** Takes every outbound message of {@code ch} and returns their bytes, releasing each. */
    static byte[] drain(EmbeddedChannel ch) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object m = ch.readOutbound(); m != null; m = ch.readOutbound()) {
            try {
                out.writeBytes(ByteBufUtil.getBytes(content(m)));
            } finally {
                ReferenceCountUtil.release(m);
            }
        }
        return out.toByteArray();
    }

    private static ByteBuf content(Object message) {
        if (message instanceof ByteBuf b) {
            return b;
        }
        if (message instanceof ByteBufHolder h) {
            return h.content();
        }
        throw new IllegalStateException("outbound message is neither a ByteBuf nor a ByteBufHolder: " + message);
    }
}
