package io.cellnet.netty.internal.http;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * One connection of an {@code http.Connector}: completes the one request in flight with its
 * answer, or fails it when the connection ends first.
 *
 * <p>Thread safety: one per channel; {@link #expect} is called before the request is written, the
 * rest on the event loop.
 */
final class HttpClientHandler extends SimpleChannelInboundHandler<FullHttpResponse> {
    /** An answer: status, body and whether the connection may be reused. */
    record Reply(int status, byte[] body, boolean keepAlive) {
    }

    private volatile @Nullable CompletableFuture<Reply> pending;

    /** The future of the next answer on this connection. */
    CompletableFuture<Reply> expect() {
        CompletableFuture<Reply> f = new CompletableFuture<>();
        pending = f;
        return f;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse res) {
        CompletableFuture<Reply> f = pending;
        pending = null;
        if (f == null) {
            ctx.close(); // an answer nobody asked for: the connection is out of step
            return;
        }
        f.complete(new Reply(res.status().code(), ByteBufUtil.getBytes(res.content()), HttpUtil.isKeepAlive(res)));
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        fail(new IOException("connection to " + ctx.channel().remoteAddress() + " closed before the answer"));
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        fail(cause instanceof IOException ? cause : new IOException(cause.toString(), cause));
        ctx.close();
    }

    private void fail(Throwable cause) {
        CompletableFuture<Reply> f = pending;
        pending = null;
        if (f != null) {
            f.completeExceptionally(cause);
        }
    }
}
