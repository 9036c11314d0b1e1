package io.cellnet.relay;

import io.cellnet.ContextKey;
import io.cellnet.ContextSet;
import io.cellnet.SendResult;
import io.cellnet.Session;
import io.cellnet.TcpConnector;
import io.cellnet.internal.SingleService;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

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
 * <p>This class is the API: it classifies the arguments and keeps the broadcasters; the envelope
 * is made and sent by the {@link RelayProvider} found through {@link java.util.ServiceLoader}
 * (cellnet-netty's). Without one, a relay fails with an {@link IllegalStateException} naming the
 * artifact to add.
 *
 * <p>Thread safety: every method may be called from any thread.
 */
public final class Relay {
    private static final ContextKey<RelayBroadcaster> BROADCASTER = ContextKey.of("cellnet.relay.broadcaster",
            RelayBroadcaster.class);
    private static final SingleService<RelayProvider> PROVIDER = new SingleService<>(RelayProvider.class,
            "cellnet-netty (io.cellnet:cellnet-netty)");
    private static volatile @Nullable RelayBroadcaster globalBroadcaster;

    private Relay() {
    }

    /**
     * Relays a message and passthrough values on {@code session} in one envelope (Go's
     * {@code relay.RelayACK}).
     *
     * @return what the send did; {@link SendResult#ENCODE_FAILED} when the message cannot be encoded
     * @throws IllegalArgumentException for a second message, a {@code Number} that is not a
     *     {@code Long}, or a list that holds something other than {@code Long}s
     */
    public static SendResult relay(Session session, Object... args) {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(args, "args");
        byte[] bytes = PassThrough.NONE.bytes();
        long int64 = 0;
        long[] slice = PassThrough.NONE.int64Slice();
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
        return provider().relay(session, message, new PassThrough(int64, slice, str, bytes));
    }

    /** {@link #relay(Session, Object...)} on the connector's session. */
    public static SendResult relay(TcpConnector connector, Object... args) {
        return relay(Objects.requireNonNull(connector, "connector").session(), args);
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
        Objects.requireNonNull(peerOrSession, "peerOrSession");
        if (broadcaster == null) {
            peerOrSession.removeContext(BROADCASTER);
        } else {
            peerOrSession.setContext(BROADCASTER, broadcaster);
        }
    }

    /**
     * The broadcaster for relays received on {@code session}: its own, else its peer's, else the
     * global one, else {@code null}. The relay hooker of an implementation calls it.
     */
    public static @Nullable RelayBroadcaster broadcasterOf(Session session) {
        RelayBroadcaster b = Objects.requireNonNull(session, "session").getContext(BROADCASTER);
        if (b == null && session.peer() instanceof ContextSet peer) {
            b = peer.getContext(BROADCASTER);
        }
        return b != null ? b : globalBroadcaster;
    }

    /** The implementation; fails when none is on the class path. */
    static RelayProvider provider() {
        return PROVIDER.get();
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
