package io.cellnet;

import java.net.SocketAddress;
import org.jspecify.annotations.Nullable;

/**
 * One connection of a peer (Go's {@code cellnet.Session}).
 *
 * <h2>States</h2>
 * <ol>
 *   <li><b>open</b>: {@link #send} encodes the message and queues it for writing, returning
 *       {@link SendResult#QUEUED}. Messages sent by one thread reach the wire in the order that
 *       thread sent them, whichever thread it is (the I/O thread, the queue thread or any other).
 *       Writes are flushed in batches.</li>
 *   <li><b>closing</b>, after {@link #close()}: no new message is accepted ({@code send} returns
 *       {@link SendResult#CLOSED}); everything accepted before is written, then the connection
 *       closes. If the other side does not take the data within the peer's close timeout, the
 *       connection is closed anyway.</li>
 *   <li><b>closed</b>: {@code send} returns {@link SendResult#CLOSED}. The peer posts one
 *       {@link SessionClosed} with {@link CloseReason#MANUAL} when this side closed it and
 *       {@link CloseReason#IO} otherwise.</li>
 * </ol>
 * {@code send} never throws for a closed session, an unregistered message or a codec failure: it
 * returns a {@link SendResult} that says what happened. A {@link SendResult#QUEUED} message can
 * still be lost if the connection fails before it is written; that failure is reported by
 * {@link SessionClosed}.
 *
 * <p>A connector's session is one object for the connector's life; its {@link #id()} changes with
 * each connection.
 *
 * <p>Thread safety: every method may be called from any thread.
 */
public interface Session extends ContextSet {

    /** The id, unique within the peer; ids start at 1 unless the peer sets another base. */
    long id();

    /** The peer that owns this session. */
    Peer peer();

    /**
     * Sends {@code message} (a registered message object or a {@link RawPacket}).
     *
     * @return what happened; never {@code null}, never throws for I/O or codec problems
     */
    SendResult send(Object message);

    /**
     * Closes gracefully: what was accepted before is written first, bounded by the close timeout.
     * Idempotent.
     */
    void close();

    /** Closes at once, discarding whatever is not yet written. Idempotent. */
    void closeNow();

    /** {@code true} while the session is open (not closing, not closed). */
    boolean isOpen();

    /** The remote address, or {@code null} when not connected. */
    @Nullable SocketAddress remoteAddress();

    /**
     * This session, or the transport object behind it, as {@code type}: for example
     * {@code session.as(io.netty.channel.Channel.class)} in cellnet-netty. {@code null} when it is
     * not available as that type (for example a connector session between connections).
     */
    <T> @Nullable T as(Class<T> type);
}
