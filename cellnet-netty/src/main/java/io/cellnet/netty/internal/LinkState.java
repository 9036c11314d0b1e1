package io.cellnet.netty.internal;

import io.cellnet.CloseReason;
import io.cellnet.SessionClosed;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.DuplexChannel;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The close state machine of a link: OPEN, then CLOSING (a graceful close: what was sent is written
 * first, then the connection closes) or straight to CLOSED; whether this side asked for the close
 * ({@link CloseReason#MANUAL}) and the first failure otherwise ({@link CloseReason#IO}).
 *
 * <ul>
 *   <li>A graceful close of an open link moves it to CLOSING; the flush task then finishes it
 *       once ({@link #takeGracefulFinish()}, {@link #finishGracefully}).</li>
 *   <li>An immediate close, a failure or the channel's end moves it to CLOSED from any state.</li>
 *   <li>A failure is remembered only when it is the first and this side did not ask for the close.</li>
 * </ul>
 *
 * <p>Thread safety: not thread-safe; its {@link Link} guards it with its lock.
 * {@link #finishGracefully} runs on the channel's event loop.
 */
public final class LinkState {
    private static final int OPEN = 0;
    private static final int CLOSING = 1;
    private static final int CLOSED = 2;

    private int state = OPEN;
    private boolean finishing;
    private boolean manual;
    private @Nullable Throwable failure;

    /** {@code true} until a close starts. */
    public boolean isOpen() {
        return state == OPEN;
    }

    /** {@code true} when this side asked for the close. */
    public boolean isManual() {
        return manual;
    }

    /**
     * A graceful close; {@code manual} when this side asks for it.
     *
     * @return {@code true} when the link was open (the flush task must run to finish the close)
     */
    public boolean closeGracefully(boolean manual) {
        if (state != OPEN) {
            return false;
        }
        this.manual |= manual;
        state = CLOSING;
        return true;
    }

    /**
     * An immediate close; {@code manual} when this side asks for it.
     *
     * @return {@code true} when the link was not closed yet (drop what is pending, close the channel)
     */
    public boolean closeNow(boolean manual) {
        if (state == CLOSED) {
            return false;
        }
        this.manual |= manual;
        state = CLOSED;
        return true;
    }

    /** A failure closes the link at once; the cause is kept unless another came first or this side closed. */
    public void fail(Throwable cause) {
        if (failure == null && !manual) {
            failure = cause;
        }
        state = CLOSED;
    }

    /** The channel is gone (or its event loop): CLOSED. */
    public void closed() {
        state = CLOSED;
    }

    /** For the flush task: {@code true} once, when a graceful close waits to be finished. */
    public boolean takeGracefulFinish() {
        if (state != CLOSING || finishing) {
            return false;
        }
        finishing = true;
        return true;
    }

    /**
     * The event that reports the close: MANUAL, or IO with the first failure, with the
     * {@code droppedMessages} ({@code droppedBytes}) that were queued and never written.
     */
    public SessionClosed closedEvent(long droppedMessages, long droppedBytes) {
        return new SessionClosed(manual ? CloseReason.MANUAL : CloseReason.IO, manual ? null : failure,
                droppedMessages, droppedBytes);
    }

    /**
     * Finishes a graceful close on {@code channel}, whose writes have been issued: stops reading,
     * closes once everything is written, or after {@code timeout} with {@code onTimeout} run first.
     * Call on the channel's event loop.
     */
    public static void finishGracefully(Channel channel, Duration timeout, Runnable onTimeout) {
        channel.config().setAutoRead(false);
        channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        var timer = channel.eventLoop().schedule(() -> {
            if (channel.isOpen()) {
                onTimeout.run();
                channel.close();
            }
        }, timeout.toNanos(), TimeUnit.NANOSECONDS);
        channel.closeFuture().addListener(f -> timer.cancel(false));
    }

    /**
     * Set on a channel by a handler that has written a close message saying why its input was
     * refused (a WebSocket close frame): the failure then closes it without a reset, see
     * {@link #closeDiscardingInput}.
     */
    public static final AttributeKey<Boolean> REFUSAL_SENT = AttributeKey.valueOf("cellnet.refusalSent");

    /**
     * Set on a channel while {@link #closeDiscardingInput} lingers: a close asked meanwhile by a
     * handler of the pipeline (Netty's WebSocket protocol handler closes after every exception it
     * passes on) must wait for the linger's own close, or the unread input turns it into a reset
     * ({@code LingerCloseGuard}).
     */
    public static final AttributeKey<Boolean> LINGERING = AttributeKey.valueOf("cellnet.lingering");

    /** How long a refused channel waits for the other side to close before it is closed anyway. */
    static final Duration REFUSAL_LINGER = Duration.ofSeconds(1);

    /**
     * Closes {@code channel} after refusing its input without resetting it: what was written (the
     * close frame saying why) is flushed, the output is shut down (FIN), and the input still arriving
     * is read and discarded until the other side closes or {@code timeout} passes. Closing at once
     * with unread input makes the kernel send a reset, and the client (a browser among them) may then
     * lose the close frame already on its way. Channels that cannot half-close are closed once
     * written. Call on the channel's event loop.
     */
    public static void closeDiscardingInput(Channel channel, Duration timeout) {
        if (!(channel instanceof DuplexChannel duplex) || !channel.isActive()) {
            channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        DiscardInbound discard = new DiscardInbound();
        channel.pipeline().addFirst(discard);
        ChannelHandlerContext first = channel.pipeline().context(discard);
        channel.attr(LINGERING).set(Boolean.TRUE);
        // The flush and every close of the linger start at the first handler: ahead of any guard
        // holding other closes, and of Netty's WebSocket protocol handler, which fails every write
        // after the close frame (a failed flush here would close at once, with the input unread).
        first.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(f -> {
            if (f.isSuccess() && channel.isActive()) {
                duplex.shutdownOutput();
            } else {
                first.close();
            }
        });
        channel.config().setAutoRead(true);
        var timer = channel.eventLoop().schedule(() -> {
            first.close();
        }, timeout.toNanos(), TimeUnit.NANOSECONDS);
        channel.closeFuture().addListener(f -> timer.cancel(false));
    }

    /** Releases every inbound message; closes the channel at the end of its input. */
    private static final class DiscardInbound extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ReferenceCountUtil.release(msg);
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
            if (evt instanceof ChannelInputShutdownEvent) {
                ctx.close();
            } else {
                ctx.fireUserEventTriggered(evt);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
