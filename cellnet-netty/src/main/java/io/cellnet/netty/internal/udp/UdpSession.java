package io.cellnet.netty.internal.udp;

import io.cellnet.CloseReason;
import io.cellnet.SendResult;
import io.cellnet.netty.internal.NettySession;
import io.cellnet.netty.internal.PeerCore;
import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * A UDP session: a remote address on the peer's shared socket. It has no channel of its own; sends
 * go through the peer's {@link DatagramWriter}. Its open/closed state and its last-activity time
 * are one atomic value, so that expiry, close and a datagram arriving never disagree: a datagram
 * that finds the session closed opens a new one.
 *
 * <p>Thread safety: every method may be called from any thread.
 */
final class UdpSession extends NettySession {
    private static final long CLOSED = Long.MIN_VALUE;

    private final UdpPeerBase owner;
    private final AtomicLong lastSeen = new AtomicLong(CLOSED);
    private volatile long id;
    private volatile @Nullable InetSocketAddress remote;

    UdpSession(PeerCore core, UdpPeerBase owner) {
        super(core);
        this.owner = owner;
    }

    /** Opens the session as {@code newId} for {@code address}, last seen at {@code now}. */
    void open(long newId, InetSocketAddress address, long now) {
        id = newId;
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

    @Override
    public long id() {
        return id;
    }

    @Override
    public boolean isOpen() {
        return lastSeen.get() != CLOSED;
    }

    @Override
    public @Nullable SocketAddress remoteAddress() {
        return isOpen() ? remote : null;
    }

    /** The remote address, also after close. */
    @Nullable InetSocketAddress remote() {
        return remote;
    }

    @Override
    protected SendResult sendHooked(Object message) {
        InetSocketAddress to = remote;
        if (!isOpen() || to == null) {
            return SendResult.CLOSED;
        }
        return owner.send(this, to, message);
    }

    /** Removes the session now; UDP has nothing to flush, so it is the same as {@link #closeNow()}. */
    @Override
    public void close() {
        owner.closeSession(this, CloseReason.MANUAL);
    }

    @Override
    public void closeNow() {
        close();
    }

    /** The peer's shared socket while it runs. */
    @Override
    public @Nullable Channel channel() {
        return owner.channel();
    }

    @Override
    public <T> @Nullable T as(Class<T> type) {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        Channel ch = owner.channel();
        return ch != null && type.isInstance(ch) ? type.cast(ch) : null;
    }

    @Override
    public String toString() {
        return "UdpSession(" + id + "@" + owner.name() + ", " + remote + ")";
    }
}
