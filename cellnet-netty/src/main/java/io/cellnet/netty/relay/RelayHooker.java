package io.cellnet.netty.relay;

import io.cellnet.EventHooker;
import io.cellnet.EventQueue;
import io.cellnet.PeerProperty;
import io.cellnet.RecvMsgEvent;
import io.cellnet.Session;
import io.cellnet.internal.RateLimitedLog;
import io.cellnet.netty.internal.wire.Payloads;
import io.cellnet.netty.internal.wire.RelayACK;
import io.cellnet.observe.Observability;
import io.cellnet.relay.NoMessage;
import io.cellnet.relay.PassThrough;
import io.cellnet.relay.Relay;
import io.cellnet.relay.RelayBroadcaster;
import io.cellnet.relay.RelayRecvMsgEvent;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The relay part of {@code tcp.ltv}'s hooker (Go's {@code relay.ResoleveInboundEvent}), on the I/O
 * thread: a {@link RelayACK} becomes a {@link RelayRecvMsgEvent} with the decoded payload message
 * ({@link NoMessage#INSTANCE} when there is none); the broadcaster, if any, is posted to the peer's
 * queue with it, and the event goes on to the callback. A payload that cannot be decoded drops the
 * relay with a rate-limited WARN on {@code cellnet.relay}. Outbound events pass unchanged.
 *
 * <p>Thread safety: stateless; one instance serves every peer.
 */
public final class RelayHooker implements EventHooker {
    /** Sends pass untouched. */
    @Override
    public boolean interceptsOutbound() {
        return false;
    }

    /** The shared instance. */
    public static final RelayHooker INSTANCE = new RelayHooker();

    private static final RateLimitedLog BAD_INPUT = new RateLimitedLog(NettyRelayProvider.log, 1, TimeUnit.SECONDS);

    private RelayHooker() {
    }

    @Override
    public @Nullable RecvMsgEvent onInboundEvent(RecvMsgEvent event) {
        if (!(event.message() instanceof RelayACK ack)) {
            return event;
        }
        Session session = event.session();
        Object message = NoMessage.INSTANCE;
        if (ack.hasMessage()) {
            try {
                message = Payloads.decode(Payloads.registryOf(session), ack.msgId(), ack.msg());
            } catch (RuntimeException e) {
                BAD_INPUT.warn("session {}: dropped a relay: {}", session.id(), e.getMessage());
                return null;
            }
        }
        Observability.current().relay().relayed();
        RelayRecvMsgEvent relayed = new RelayRecvMsgEvent(session, message,
                new PassThrough(ack.int64(), ack.int64Slice(), ack.str(), ack.bytes()));
        RelayBroadcaster broadcaster = Relay.broadcasterOf(session);
        if (broadcaster != null) {
            EventQueue queue = session.peer() instanceof PeerProperty p ? p.queue() : EventQueue.direct();
            queue.post(() -> broadcaster.onRelay(relayed));
        }
        return relayed;
    }

    @Override
    public String toString() {
        return "RelayHooker";
    }
}
