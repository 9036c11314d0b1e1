package io.cellnet.netty.internal.udp;

import io.cellnet.CloseReason;
import io.cellnet.SendResult;
import io.cellnet.netty.internal.NettySession;
import io.cellnet.netty.internal.PeerCore;
import io.cellnet.netty.internal.SessionTransport;
import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The transport of a UDP session: a remote address on the peer's shared {@link UdpSocket}; sends
 * go through the socket's outbound path. Its open/closed state and its last-activity time are one
 * atomic value, so that expiry, close and a datagram arriving never disagree: a datagram that finds
 * the session closed opens a new one.
 *
 * <p>Thread safety: every method may be called from any thread.
 */
final class DatagramEndpoint implements SessionTransport {
    private static final long CLOSED = Long.MIN_VALUE;

    private final UdpSocket socket;
    private final DatagramPeer owner;
    private final NettySession session;
    private final AtomicLong lastSeen = new AtomicLong(CLOSED);
    private volatile @Nullable InetSocketAddress remote;

    DatagramEndpoint(UdpSocket socket, DatagramPeer owner, PeerCore core) {
        this.socket = socket;
        this.owner = owner;
        this.session = new NettySession(core, this, 0);
    }

    /** The session this endpoint carries. */
    NettySession session() {
        return session;
    }

    /** Opens the session as {@code id} for {@code address}, last seen at {@code now}. */
    void open(long id, InetSocketAddress address, long now) {
        session.renumber(id);
        remote = address;
        lastSeen.set(now == CLOSED ? now + 1 : now);
    }

    /** Records activity at {@code now}; {@code false} when the session is already closed. */
    boolean touch(long now) {
        for (;;) {
            long last = lastSeen.get();
            if (last == CLOSED) {
                return false;
            }
            if (lastSeen.compareAndSet(last, now == CLOSED ? now + 1 : now)) {
                return true;
            }
        }
    }

    /** Closes the session if it has been idle for {@code ttlNanos} at {@code now}; {@code true} if this call closed it. */
    boolean expireIfIdle(long now, long ttlNanos) {
        long last = lastSeen.get();
        return last != CLOSED && now - last >= ttlNanos && lastSeen.compareAndSet(last, CLOSED);
    }

    /** Marks the session closed; {@code true} if this call closed it. */
    boolean markClosed() {
        return lastSeen.getAndSet(CLOSED) != CLOSED;
    }

    /** The remote address, also after close. */
    @Nullable InetSocketAddress remote() {
        return remote;
    }

    @Override
    public boolean isOpen() {
        return lastSeen.get() != CLOSED;
    }

    @Override
    public @Nullable SocketAddress remoteAddress() {
        return isOpen() ? remote : null;
    }

    @Override
    public SendResult send(Object message) {
        InetSocketAddress to = remote;
        if (!isOpen() || to == null) {
            return SendResult.CLOSED;
        }
        return socket.send(session, to, message);
    }

    /** Removes the session now, gracefully or not: UDP has nothing to flush. */
    @Override
    public void close(boolean graceful) {
        owner.closeSession(this, CloseReason.MANUAL);
    }

    /** The peer's shared socket while it runs. */
    @Override
    public @Nullable Channel channel() {
        return socket.channel();
    }

    @Override
    public String toString() {
        return "DatagramEndpoint(" + session + ", " + remote + ")";
    }
}
