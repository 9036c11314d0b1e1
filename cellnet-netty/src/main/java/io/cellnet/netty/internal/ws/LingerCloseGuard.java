package io.cellnet.netty.internal.ws;

import io.cellnet.netty.internal.LinkState;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;

/**
 * Holds a close asked from behind it while the channel lingers after a refusal
 * ({@link LinkState#closeDiscardingInput}): the close completes when the linger closes the channel.
 * It sits just ahead of Netty's {@code WebSocketServerProtocolHandler}, which closes the channel after
 * passing on any exception: for a refused frame that close would come right after the close frame,
 * with the rest of the refused message unread, and the kernel would reset the connection; a browser
 * then reports 1006 instead of the 1009 and the reason it was sent.
 *
 * <p>Thread safety: stateless and shared; Netty calls it on the channel's event loop.
 */
@ChannelHandler.Sharable
final class LingerCloseGuard extends ChannelOutboundHandlerAdapter {
    /** The shared instance. */
    static final LingerCloseGuard INSTANCE = new LingerCloseGuard();

    private LingerCloseGuard() {
    }

    @Override
    public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
        if (ctx.channel().attr(LinkState.LINGERING).get() == Boolean.TRUE) {
            ctx.channel().closeFuture().addListener(f -> promise.trySuccess());
            return;
        }
        ctx.close(promise);
    }
}
