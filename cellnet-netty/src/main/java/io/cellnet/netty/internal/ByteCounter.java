package io.cellnet.netty.internal;

import io.cellnet.observe.PeerObserver;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufHolder;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;

/**
 * Counts the bytes a channel reads and writes for its peer's observer: the first handler of an
 * observed peer's pipeline (so TLS, WebSocket and HTTP framing count as they cross the wire; a
 * datagram counts its payload). Only observed peers install it ({@link #install}).
 *
 * <p>Thread safety: used on the channel's event loop.
 */
public final class ByteCounter extends ChannelDuplexHandler {
    private final PeerObserver observer;
    private long unflushed;

    private ByteCounter(PeerObserver observer) {
        this.observer = observer;
    }

    /**
     * Adds a counter as the last handler of {@code pipeline} (call it first, before the transport's
     * handlers) when {@code observer} observes anything; does nothing for {@link PeerObserver#NONE}.
     */
    public static void install(ChannelPipeline pipeline, PeerObserver observer) {
        if (observer != PeerObserver.NONE) {
            pipeline.addLast("cellnet-bytes", new ByteCounter(observer));
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        long n = size(msg);
        if (n > 0) {
            observer.bytesRead(n);
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        unflushed += size(msg);
        ctx.write(msg, promise);
    }

    /** Reports the bytes written since the last flush: one report per flush, not per message. */
    @Override
    public void flush(ChannelHandlerContext ctx) {
        long n = unflushed;
        if (n > 0) {
            unflushed = 0;
            observer.bytesWritten(n);
        }
        ctx.flush();
    }

    private static long size(Object msg) {
        if (msg instanceof ByteBuf b) {
            return b.readableBytes();
        }
        if (msg instanceof ByteBufHolder h) {
            return h.content().readableBytes();
        }
        return 0;
    }
}
