package io.cellnet.netty.internal.stream;

import io.cellnet.DisconnectedSendPolicy;
import io.cellnet.SendResult;
import io.cellnet.netty.internal.Link;
import io.cellnet.netty.internal.NettySession;
import io.cellnet.netty.internal.PeerCore;
import java.util.ArrayDeque;

/**
 * A connector's session: one object for the connector's life, attached to each new connection
 * with a new id. Sends without a connection follow the {@link DisconnectedSendPolicy}; buffered
 * messages are written first when the next connection attaches.
 *
 * <p>Thread safety: every method may be called from any thread.
 */
final class ConnectorSession extends NettySession {
    private final DisconnectedSendPolicy policy;
    private final ArrayDeque<Object> buffer = new ArrayDeque<>();
    private boolean buffering;

    ConnectorSession(PeerCore core, DisconnectedSendPolicy policy) {
        super(core);
        this.policy = policy;
    }

    /**
     * Writes what was buffered into a new connection, in order, then attaches it. The link is
     * published only after the drain: until then a send from any thread sees no link and waits for
     * this lock, so it cannot overtake a message buffered before it.
     */
    synchronized void connect(Link link, long id) {
        renumber(id);
        while (!buffer.isEmpty()) {
            link.send(buffer.poll());
        }
        attach(link, id);
    }

    /** Detaches a closed connection. */
    synchronized void disconnect(Link link) {
        detach(link);
    }

    /** Whether sends may be buffered now (the connector is running); clearing it drops the buffer. */
    synchronized void buffering(boolean on) {
        buffering = on && policy.buffers();
        if (!buffering) {
            buffer.clear();
        }
    }

    @Override
    protected SendResult sendHooked(Object message) {
        Link l = link();
        if (l != null) {
            SendResult r = l.send(message);
            if (r != SendResult.CLOSED || l.isManualClose()) {
                return r;
            }
        }
        synchronized (this) {
            Link now = link();
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
}
