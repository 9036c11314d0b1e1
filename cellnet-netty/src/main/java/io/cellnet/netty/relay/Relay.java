package io.cellnet.netty.relay;

import io.cellnet.ContextKey;
import io.cellnet.ContextSet;
import io.cellnet.RawPacket;
import io.cellnet.SendResult;
import io.cellnet.Session;
import io.cellnet.TcpConnector;
import io.cellnet.netty.internal.wire.Payloads;
import io.cellnet.netty.internal.wire.RelayACK;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Go cellnet's {@code relay.Relay} and {@code relay.SetBroadcaster}.
 *
 * <pre>{@code
 * // agent: forward a client's message to the backend, tagged with the client's session id
 * Relay.relay(backendSession, ev.message(), ev.session().id() + 10000);
 * // agent: route what the backend relays back
 * Relay.setBroadcaster(backendAcceptor, ev -> clients.session(ev.passThroughAsInt64() - 10000).send(ev.message()));
 * }</pre>
 *
 * <p>Arguments of {@link #relay(Session, Object...)} are classified by type, as in Go: a
 * {@code Long} is the passthrough int64, a {@code long[]} or a {@code List<Long>} the int64 slice,
 * a {@code String} the string, a {@code byte[]} the raw bytes; anything else is the payload
 * message, encoded with its own registered codec. At most one message; other {@code Number}s are
 * refused (write {@code 10000L}, not {@code 10000}).
 *
 * <p>Thread safety: every method may be called from any thread.
 */
public final class Relay {
    static final Logger log = LoggerFactory.getLogger("cellnet.relay");
    static final ContextKey<RelayBroadcaster> BROADCASTER = ContextKey.of("cellnet.relay.broadcaster",
            RelayBroadcaster.class);
    private static final byte[] NO_BYTES = new byte[0];
    private static final long[] NO_LONGS = new long[0];
    private static volatile @Nullable RelayBroadcaster globalBroadcaster;

    private Relay() {
    }

    /**
     * Relays a message and passthrough values on {@code session} in one {@link RelayACK}.
     *
     * @return what the send did; {@link SendResult#ENCODE_FAILED} when the message cannot be encoded
     * @throws IllegalArgumentException for a second message, a {@code Number} that is not a
     *     {@code Long}, or a list that holds something other than {@code Long}s
     */
    public static SendResult relay(Session session, Object... args) {
        Objects.requireNonNull(session, "session");
        byte[] bytes = NO_BYTES;
        long int64 = 0;
        long[] slice = NO_LONGS;
        String str = "";
        Object message = NoMessage.INSTANCE;
        for (Object arg : args) {
            Objects.requireNonNull(arg, "relay argument");
            if (arg instanceof Long l) {
                int64 = l;
            } else if (arg instanceof long[] a) {
                slice = a;
            } else if (arg instanceof List<?> list) {
                slice = longs(list);
            } else if (arg instanceof String s) {
                str = s;
            } else if (arg instanceof byte[] b) {
                bytes = b;
            } else if (arg instanceof Number n) {
                throw new IllegalArgumentException("relay passthrough numbers must be Long (int64): got a "
                        + n.getClass().getSimpleName() + " " + n);
            } else if (arg != NoMessage.INSTANCE) {
                if (message != NoMessage.INSTANCE) {
                    throw new IllegalArgumentException("one message per relay: got " + message.getClass().getName()
                            + " and " + arg.getClass().getName());
                }
                message = arg;
            }
        }
        return send(session, message, bytes, int64, slice, str);
    }

    /** {@link #relay(Session, Object...)} on the connector's session. */
    public static SendResult relay(TcpConnector connector, Object... args) {
        return relay(connector.session(), args);
    }

    /**
     * Go's {@code relay.SetBroadcaster}: {@code broadcaster} sees every relayed message received by
     * any peer that has none of its own ({@code null} removes it).
     */
    public static void setBroadcaster(@Nullable RelayBroadcaster broadcaster) {
        globalBroadcaster = broadcaster;
    }

    /**
     * Sets the broadcaster of one peer (or one session), which takes precedence over the global one
     * ({@code null} removes it).
     */
    public static void setBroadcaster(ContextSet peerOrSession, @Nullable RelayBroadcaster broadcaster) {
        if (broadcaster == null) {
            peerOrSession.removeContext(BROADCASTER);
        } else {
            peerOrSession.setContext(BROADCASTER, broadcaster);
        }
    }

    /** The broadcaster for relays received on {@code session}: its own, its peer's, or the global one. */
    static @Nullable RelayBroadcaster broadcasterOf(Session session) {
        RelayBroadcaster b = session.getContext(BROADCASTER);
        if (b == null && session.peer() instanceof ContextSet peer) {
            b = peer.getContext(BROADCASTER);
        }
        return b != null ? b : globalBroadcaster;
    }

    static SendResult send(Session session, Object message, byte[] bytes, long int64, long[] slice, String str) {
        byte[] msg = NO_BYTES;
        int msgId = 0;
        if (message != NoMessage.INSTANCE) {
            try {
                RawPacket payload = Payloads.encode(Payloads.registryOf(session), message);
                msg = payload.msgData();
                msgId = payload.msgId();
            } catch (RuntimeException e) {
                log.warn("session {}: cannot relay {}: {}", session.id(), message.getClass().getName(), e.getMessage());
                return SendResult.ENCODE_FAILED;
            }
        }
        return session.send(new RelayACK(msg, msgId, bytes, int64, slice, str));
    }

    private static long[] longs(List<?> list) {
        long[] out = new long[list.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(list.get(i) instanceof Long l)) {
                throw new IllegalArgumentException("a relay passthrough list must hold Longs: element " + i + " is "
                        + list.get(i));
            }
            out[i] = l;
        }
        return out;
    }
}
