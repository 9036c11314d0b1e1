package io.cellnet;

import io.cellnet.internal.ContextMap;
import java.net.SocketAddress;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/** A session with no transport behind it, for building events in tests. */
public final class FakeSession extends ContextMap implements Session {
    private final long id;
    private final Peer peer = new FakePeer();

    public FakeSession(long id) {
        this.id = id;
    }

    /** An inbound event carrying {@code message} on a new fake session. */
    public static RecvMsgEvent event(Object message) {
        return new RecvMsgEvent(new FakeSession(1), message);
    }

    @Override
    public long id() {
        return id;
    }

    @Override
    public Peer peer() {
        return peer;
    }

    @Override
    public SendResult send(Object message) {
        return SendResult.CLOSED;
    }

    @Override
    public void close() {
    }

    @Override
    public void closeNow() {
    }

    @Override
    public boolean isOpen() {
        return false;
    }

    @Override
    public @Nullable SocketAddress remoteAddress() {
        return null;
    }

    @Override
    public <T> @Nullable T as(Class<T> type) {
        return type.isInstance(this) ? type.cast(this) : null;
    }

    private static final class FakePeer implements Peer {
        @Override
        public String typeName() {
            return "fake.Peer";
        }

        @Override
        public CompletableFuture<Void> start() {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> stop() {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public PeerState state() {
            return PeerState.STOPPED;
        }

        @Override
        public void close() {
        }
    }
}
