package io.cellnet.netty.internal;

import io.cellnet.observe.PeerObserver;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufHolder;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;

/**
 * Counts the bytes a channel reads and writes for its peer's observer: the first handler of an
 * observed peer's pipeline (so TLS and WebSocket framing count as they cross the wire). Only
 * observed peers install it.
 *
 * <p>Thread safety: used on the channel's event loop.
 */
final class ByteCounter extends ChannelDuplexHandler {
    private final PeerObserver observer;
    private long unflushed;

    ByteCounter(PeerObserver observer) {
        this.observer = observer;
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
