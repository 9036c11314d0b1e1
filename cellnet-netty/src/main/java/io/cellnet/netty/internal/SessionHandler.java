package io.cellnet.netty.internal;

import io.cellnet.IdleTimeoutException;
import io.cellnet.SystemMessage;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The last inbound handler of every cellnet channel: turns channel events into cellnet events.
 * {@code channelActive} binds the session and posts {@code SessionAccepted}/{@code SessionConnected}
 * (so it precedes every message of the session); each decoded message becomes one
 * {@code RecvMsgEvent}; an exception ({@code exceptionCaught}: a decoder refusing input, a codec
 * error, an I/O error, a heartbeat timeout) or an idle timeout closes the session with reason IO
 * and the cause (refused input, any exception but an {@code IOException}, is logged at WARN);
 * {@code channelInactive} posts {@code SessionClosed}.
 * Messages that arrive after this side started closing are dropped, as in Go.
 *
 * <p>Thread safety: one instance per channel, used on its event loop.
 */
public final class SessionHandler extends ChannelInboundHandlerAdapter {
    private final PeerCore core;
    private final SessionBinder binder;
    private final SystemMessage activeMessage;
    /** Why a channel closed before its session started (a failed TLS or WebSocket handshake). */
    public static final AttributeKey<Throwable> START_FAILURE = AttributeKey.valueOf("cellnet.start-failure");

    private final Duration readIdleTimeout;
    private final @Nullable Predicate<Object> startEvent;
    private @Nullable Link link;
    private boolean started;

    /**
     * A handler for one channel of the peer with {@code core}, whose sessions {@code binder} makes
     * and {@code activeMessage} ({@code SessionAccepted} or {@code SessionConnected}) announces. The
     * session starts when the channel is active, or, when {@code startEvent} is given, on the first
     * user event it accepts.
     */
    public SessionHandler(PeerCore core, SessionBinder binder, SystemMessage activeMessage, Duration readIdleTimeout,
            @Nullable Predicate<Object> startEvent) {
        this.core = core;
        this.binder = binder;
        this.activeMessage = activeMessage;
        this.readIdleTimeout = readIdleTimeout;
        this.startEvent = startEvent;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        if (ctx.channel().isActive() && startEvent == null) {
            start(ctx);
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        if (startEvent == null) {
            start(ctx);
        }
        ctx.fireChannelActive();
    }

    private void start(ChannelHandlerContext ctx) {
        if (started) {
            return;
        }
        started = true;
        Link l = binder.bind(ctx.channel());
        if (l == null) {
            ctx.close();
            return;
        }
        link = l;
        core.transmitter().onSessionStart(l.session(), ctx.channel());
        core.deliver(l.session(), l, activeMessage);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        Link l = link;
        if (l == null || !l.isOpen()) {
            ReferenceCountUtil.release(msg);
            return;
        }
        core.deliver(l.session(), l, msg);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        Link l = link;
        if (l != null) {
            link = null;
            core.deliver(l.session(), l, l.onInactive());
            l.closedPosted().complete(null);
            binder.unbind(l);
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Link l = link;
        if (l != null) {
            if (PeerCore.isBadInput(cause)) {
                core.observer().frameMalformed();
            }
            l.fail(cause, !(cause instanceof IOException));
        } else {
            ctx.channel().attr(START_FAILURE).setIfAbsent(cause);
            PeerCore.log.debug("peer '{}': channel {} failed before its session started: {}", core.name(),
                    ctx.channel(), cause.toString());
            ctx.close();
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (!started && startEvent != null) {
            if (startEvent.test(evt)) {
                start(ctx);
            } else if (evt instanceof SslHandshakeCompletionEvent e && !e.isSuccess()) {
                ctx.channel().attr(START_FAILURE).setIfAbsent(e.cause());
            }
            ctx.fireUserEventTriggered(evt);
            return;
        }
        if (evt == ChannelInputShutdownEvent.INSTANCE) {
            Link l = link;
            if (l != null) {
                // Close once the queue has handled everything received before the EOF, so that
                // replies to the last requests are still written (Go loses them).
                if (!core.queue().post(l::closeAfterRemoteShutdown)) {
                    l.closeAfterRemoteShutdown();
                }
            } else {
                ctx.close();
            }
            return;
        }
        if (evt instanceof IdleStateEvent) {
            Link l = link;
            if (l != null) {
                l.fail(new IdleTimeoutException("read", readIdleTimeout), false);
            } else {
                ctx.close();
            }
            return;
        }
        ctx.fireUserEventTriggered(evt);
    }
}
