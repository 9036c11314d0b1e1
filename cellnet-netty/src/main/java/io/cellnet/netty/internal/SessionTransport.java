package io.cellnet.netty.internal;

import io.cellnet.SendResult;
import io.netty.channel.Channel;
import java.net.SocketAddress;
import org.jspecify.annotations.Nullable;

/**
 * What carries a {@link NettySession}'s messages: a {@link Link} for an accepted connection, a
 * reconnecting holder of the current link (with the disconnected-send buffer) for a connector, a
 * datagram endpoint on a shared socket for UDP. The session runs the outbound hookers, then hands
 * the message here.
 *
 * <p>Thread safety: implementations are thread-safe; every method may be called from any thread.
 */
public interface SessionTransport {

    /** Encodes and queues {@code message}, which has passed the outbound hookers; see {@link io.cellnet.Session#send}. */
    SendResult send(Object message);

    /** Closes gracefully (what was sent is written first) or at once; this side's close (MANUAL). */
    void close(boolean graceful);

    /** {@code true} while sends are accepted. */
    boolean isOpen();

    /** The remote address while open, or {@code null}. */
    @Nullable SocketAddress remoteAddress();

    /** The channel the messages currently go through, or {@code null}. */
    @Nullable Channel channel();
}
