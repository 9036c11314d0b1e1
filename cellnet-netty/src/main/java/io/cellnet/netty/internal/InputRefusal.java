package io.cellnet.netty.internal;

import io.netty.channel.ChannelHandlerContext;
import org.jspecify.annotations.Nullable;

/**
 * The one way a transmitter's decoder reports input it refuses: it {@linkplain #refuse records}
 * the cause while decoding, and {@linkplain #report reports} it through Netty's
 * {@code exceptionCaught} once the messages decoded before it have been fired, so the session sees
 * them first, then closes with {@code CloseReason.IO} and the cause (see {@link SessionHandler}).
 *
 * <p>Thread safety: one instance per decoder, used on the channel's event loop.
 */
public final class InputRefusal {
    private @Nullable Throwable cause;

    /** Records why input was refused; the first cause wins. */
    public void refuse(Throwable refused) {
        if (cause == null) {
            cause = refused;
        }
    }

    /** Fires the recorded cause, if any, to the handlers after {@code ctx}; call after the decoded messages. */
    public void report(ChannelHandlerContext ctx) {
        Throwable c = cause;
        if (c != null) {
            cause = null;
            ctx.fireExceptionCaught(c);
        }
    }
}
