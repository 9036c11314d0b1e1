package io.cellnet.mesh.gateway;

import io.cellnet.EventHooker;
import io.cellnet.MessageMeta;
import io.cellnet.MessageRegistry;
import io.cellnet.MessageRegistryAware;
import io.cellnet.RawPacket;
import io.cellnet.RecvMsgEvent;
import io.cellnet.SendResult;
import io.cellnet.Session;
import io.cellnet.codec.CodecException;
import java.nio.ByteBuffer;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The backend's side of a gateway link. Add {@link #hooker()} to the backend's acceptor: a
 * {@link TransmitACK} from a gateway arrives as a {@link ClientMsgEvent} carrying the decoded client
 * message, so the usual {@code MessageDispatcher} handlers see client messages and
 * {@code ev.reply(msg)} answers the client. {@link ClientConnectedACK} and {@link ClientClosedACK}
 * arrive as ordinary messages. Push with {@link #send(Session, long, Object)} (one client),
 * {@link #send(Session, long[], Object)} (a list) and {@link #broadcast} (every client of that
 * gateway); each encodes the message once, and the gateway writes the same bytes to every target.
 *
 * <p>Thread safety: stateless; every method may be called from any thread.
 */
public final class GatewayLink {
    private static final Logger log = LoggerFactory.getLogger(GatewayLink.class);
    private static final long[] NONE = new long[0];
    private static final EventHooker HOOKER = new EventHooker() {
        @Override
        public @Nullable RecvMsgEvent onInboundEvent(RecvMsgEvent event) {
            if (!(event.message() instanceof TransmitACK t)) {
                return event;
            }
            MessageRegistry registry = registryOf(event.session());
            MessageMeta meta = registry.byId(t.MsgID());
            if (meta == null || meta.isSystem()) {
                log.warn("gateway session {}: client {} sent unknown message id {}; dropped", event.session().id(),
                        t.ClientID(), t.MsgID());
                return null;
            }
            try {
                Object msg = meta.codec().decode(ByteBuffer.wrap(t.MsgData()), meta.type());
                return new ClientMsgEvent(event.session(), msg, t.ClientID());
            } catch (RuntimeException e) {
                log.warn("gateway session {}: cannot decode {} from client {}: {}", event.session().id(), meta.fullName(),
                        t.ClientID(), e.toString());
                return null;
            }
        }

        @Override
        public boolean interceptsOutbound() {
            return false;
        }

        @Override
        public String toString() {
            return "GatewayLink.hooker";
        }
    };

    private GatewayLink() {
    }

    /** The hooker that turns gateway envelopes into {@link ClientMsgEvent}s. */
    public static EventHooker hooker() {
        return HOOKER;
    }

    /** Sends {@code msg} to client {@code clientId} of the gateway at the other end of {@code gateway}. */
    public static SendResult send(Session gateway, long clientId, Object msg) {
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(msg, "msg");
        RawPacket p = encode(gateway, msg);
        return p == null ? SendResult.ENCODE_FAILED
                : gateway.send(new TransmitACK(p.msgId(), p.msgData(), clientId, NONE, false));
    }

    /** Sends {@code msg} to each of {@code clientIds}: encoded once, one envelope. */
    public static SendResult send(Session gateway, long[] clientIds, Object msg) {
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(clientIds, "clientIds");
        Objects.requireNonNull(msg, "msg");
        RawPacket p = encode(gateway, msg);
        return p == null ? SendResult.ENCODE_FAILED
                : gateway.send(new TransmitACK(p.msgId(), p.msgData(), 0, clientIds.clone(), false));
    }

    /** Sends {@code msg} to every client of that gateway: encoded once, one envelope. */
    public static SendResult broadcast(Session gateway, Object msg) {
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(msg, "msg");
        RawPacket p = encode(gateway, msg);
        return p == null ? SendResult.ENCODE_FAILED : gateway.send(new TransmitACK(p.msgId(), p.msgData(), 0, NONE, true));
    }

    /** Asks that gateway to close clients {@code clientIds}. */
    public static SendResult close(Session gateway, long... clientIds) {
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(clientIds, "clientIds");
        return gateway.send(new CloseClientACK(clientIds.clone(), false));
    }

    private static MessageRegistry registryOf(Session session) {
        return session instanceof MessageRegistryAware r ? r.registry() : MessageRegistry.global();
    }

    private static @Nullable RawPacket encode(Session session, Object msg) {
        if (msg instanceof RawPacket raw) {
            return raw;
        }
        MessageMeta meta = registryOf(session).byMessage(msg);
        try {
            if (meta == null) {
                throw new CodecException(msg.getClass().getName() + " is not registered");
            }
            return new RawPacket(meta.id(), meta.codec().encode(msg));
        } catch (RuntimeException e) {
            log.warn("session {}: cannot encode {} for a client: {}", session.id(), msg.getClass().getName(), e.toString());
            return null;
        }
    }
}
