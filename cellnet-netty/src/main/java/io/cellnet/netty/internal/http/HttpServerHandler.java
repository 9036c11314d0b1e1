package io.cellnet.netty.internal.http;

import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.timeout.IdleStateEvent;
import java.util.ArrayDeque;
import org.jspecify.annotations.Nullable;

/**
 * One connection of an {@code http.Acceptor}: its requests are exchanges handled one at a time, in
 * order (reading pauses while one waits for its answer, so pipelined requests are answered in
 * order); a kept-alive connection idle for the idle timeout is closed.
 *
 * <p>Thread safety: runs on the channel's event loop; {@link #finish} may be called from any
 * thread.
 */
final class HttpServerHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private final HttpDispatcher dispatcher;
    private final ArrayDeque<FullHttpRequest> pending = new ArrayDeque<>();
    private volatile @Nullable ChannelHandlerContext ctx;
    private @Nullable HttpExchange current;

    HttpServerHandler(HttpDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
        pending.add(req.retain());
        next(ctx);
    }

    private void next(ChannelHandlerContext ctx) {
        FullHttpRequest req;
        while (current == null && (req = pending.poll()) != null) {
            try {
                current = dispatcher.dispatch(this, ctx.channel(), req);
            } finally {
                req.release();
            }
        }
        ctx.channel().config().setAutoRead(current == null);
    }

    /** Writes {@code a} as the answer of {@code ex}, on the event loop. */
    void finish(HttpExchange ex, Answer a) {
        ChannelHandlerContext c = ctx;
        if (c == null) {
            a.release();
            return;
        }
        c.executor().execute(() -> write(c, ex, a));
    }

    private void write(ChannelHandlerContext c, HttpExchange ex, Answer a) {
        if (ex != current || !c.channel().isActive()) {
            a.release();
            return;
        }
        HttpResponse head = a.head();
        if (ex.isHead() && head instanceof FullHttpResponse full) {
            head = full.replace(io.netty.buffer.Unpooled.EMPTY_BUFFER);
            full.release();
        }
        HttpUtil.setKeepAlive(head, ex.keepAlive());
        ChannelFuture last;
        if (a.body() == null) { // a file's body is only made for GET
            last = c.writeAndFlush(head);
        } else {
            c.write(head);
            last = c.writeAndFlush(a.body());
        }
        last.addListener(f -> {
            if (!f.isSuccess() || !ex.keepAlive()) {
                c.close();
                return;
            }
            current = null;
            next(c);
        });
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent && current == null && pending.isEmpty()) {
            ctx.close();
            return;
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        HttpExchange ex = current;
        if (ex != null) {
            ex.close(false);
        }
        FullHttpRequest req;
        while ((req = pending.poll()) != null) {
            req.release();
        }
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        HttpExchange.log.debug("http connection {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}
