package io.cellnet.netty;

import io.cellnet.EventQueue;
import io.cellnet.MessageRegistry;
import io.cellnet.Peer;
import io.cellnet.PeerState;
import io.cellnet.ProcessorBundle;
import io.cellnet.SendResult;
import io.cellnet.netty.internal.NettySession;
import io.cellnet.netty.internal.PeerCore;
import io.cellnet.netty.ltv.LtvTransmitter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A session without a connection for hooker and helper tests: it uses {@code registry}, runs the
 * outbound hookers of {@code bundle}, and records what it would write instead of writing it.
 */
public final class StubSession extends NettySession {
    private final List<Object> sent = new CopyOnWriteArrayList<>();
    private volatile SendResult result = SendResult.QUEUED;

    public StubSession(MessageRegistry registry) {
        this(registry, new ProcessorBundle(LtvTransmitter.INSTANCE, io.cellnet.EventHooker.identity(),
                io.cellnet.EventCallback.NONE));
    }

    public StubSession(MessageRegistry registry, ProcessorBundle bundle) {
        super(new PeerCore(new StubPeer(), "stub", EventQueue.direct(), registry, bundle, Duration.ZERO));
    }

    /** What {@code send} returns from now on (the message is recorded only when accepted). */
    public StubSession result(SendResult r) {
        this.result = r;
        return this;
    }

    /** The messages sent so far, after the outbound hookers. */
    public List<Object> sent() {
        return sent;
    }

    @Override
    protected SendResult sendHooked(Object message) {
        if (result.isAccepted()) {
            sent.add(message);
        }
        return result;
    }

    private static final class StubPeer implements Peer {
        @Override
        public String typeName() {
            return "stub";
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
            return PeerState.RUNNING;
        }

        @Override
        public void close() {
        }
    }
}
