package io.cellnet.netty.internal.stream;

import io.cellnet.DisconnectedSendPolicy;
import io.cellnet.SendResult;
import io.cellnet.netty.internal.Link;
import io.cellnet.netty.internal.SessionTransport;
import io.netty.channel.Channel;
import java.net.SocketAddress;
import java.util.ArrayDeque;
import org.jspecify.annotations.Nullable;

/**
 * A connector's session transport: the link of the current connection, if any, and the
 * {@link DisconnectedSendPolicy} for sends without one. Buffered messages are written first when
 * the next connection attaches.
 *
 * <p>Thread safety: every method may be called from any thread.
 */
final class ConnectorTransport implements SessionTransport {
    private final DisconnectedSendPolicy policy;
    // guarded by this
    private final ArrayDeque<Object> buffer = new ArrayDeque<>();
    private boolean buffering;
    private volatile @Nullable Link link;

    ConnectorTransport(DisconnectedSendPolicy policy) {
        this.policy = policy;
    }

    /**
     * Writes what was buffered into a new connection, in order, then attaches it as connection
     * {@code id}. The link is published only after the drain: until then a send from any thread
     * sees no link and waits for this lock, so it cannot overtake a message buffered before it.
     */
    synchronized void connect(Link newLink, long id) {
        newLink.session().renumber(id);
        while (!buffer.isEmpty()) {
            newLink.send(buffer.poll());
        }
        link = newLink;
    }

    /** Detaches a closed connection. */
    synchronized void disconnect(Link oldLink) {
        if (link == oldLink) {
            link = null;
        }
    }

    /**
     * Whether sends may be buffered now (the connector is running); clearing it drops the buffer.
     *
     * @return the number of buffered messages dropped
     */
    synchronized int buffering(boolean on) {
        buffering = on && policy.buffers();
        int dropped = 0;
        if (!buffering) {
            dropped = buffer.size();
            buffer.clear();
        }
        return dropped;
    }

    /** The current connection, or {@code null}. */
    @Nullable Link link() {
        return link;
    }

    @Override
    public SendResult send(Object message) {
        Link l = link;
        if (l != null) {
            SendResult r = l.send(message);
            if (r != SendResult.CLOSED || l.isManualClose()) {
                return r;
            }
        }
        synchronized (this) {
            Link now = link;
            if (now != null && now != l) {
                return now.send(message);
            }
            if (!buffering) {
                return SendResult.NOT_CONNECTED;
            }
            if (buffer.size() >= policy.maxMessages()) {
                return SendResult.OVERFLOW;
            }
            buffer.add(message);
            return SendResult.BUFFERED;
        }
    }

    @Override
    public void close(boolean graceful) {
        Link l = link;
        if (l != null) {
            l.close(graceful);
        }
    }

    @Override
    public boolean isOpen() {
        Link l = link;
        return l != null && l.isOpen();
    }

    @Override
    public @Nullable SocketAddress remoteAddress() {
        Link l = link;
        return l == null ? null : l.remoteAddress();
    }

    @Override
    public @Nullable Channel channel() {
        Link l = link;
        return l == null ? null : l.channel();
    }
}
