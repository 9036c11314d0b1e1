package io.cellnet.db.internal;

import io.cellnet.ContextSet;
import io.cellnet.Peer;
import io.cellnet.SendResult;
import io.cellnet.Session;
import java.net.SocketAddress;
import org.jspecify.annotations.Nullable;

/**
 * The session of one connection of a database peer, as seen in its {@code SessionConnected},
 * {@code SessionClosed} and pub/sub events: an id (a new one for every connection, as Go's
 * {@code tcp.Connector}), the peer, context values. It carries no cellnet messages: {@link #send}
 * refuses them, and closing it does nothing (stop the peer to disconnect).
 *
 * <p>Thread safety: every method may be called from any thread.
 */
public final class DbSession implements Session, ContextSet.Forwarding {
    private final long id;
    private final Peer peer;
    private final @Nullable SocketAddress remote;
    private final ContextSet context = ContextSet.create();
    private volatile boolean open;

    DbSession(long id, Peer peer, @Nullable SocketAddress remote, boolean open) {
        this.id = id;
        this.peer = peer;
        this.remote = remote;
        this.open = open;
    }

    @Override
    public long id() {
        return id;
    }

    @Override
    public Peer peer() {
        return peer;
    }

    /**
     * Refused: a database connection takes commands, not cellnet messages.
     *
     * @throws UnsupportedOperationException always
     */
    @Override
    public SendResult send(Object message) {
        throw new UnsupportedOperationException("a database session carries no cellnet messages: use the peer's operate");
    }

    /** Does nothing: the connection belongs to the peer; stop the peer to disconnect. */
    @Override
    public void close() {
        // nothing: see Javadoc
    }

    /** Does nothing, as {@link #close()}. */
    @Override
    public void closeNow() {
        // nothing: see Javadoc
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    void markClosed() {
        open = false;
    }

    @Override
    public @Nullable SocketAddress remoteAddress() {
        return open ? remote : null;
    }

    @Override
    public <T> @Nullable T as(Class<T> type) {
        return type.isInstance(this) ? type.cast(this) : null;
    }

    @Override
    public ContextSet context() {
        return context;
    }

    @Override
    public String toString() {
        return "DbSession{id=" + id + ", peer=" + peer.typeName() + ", open=" + open + "}";
    }
}
