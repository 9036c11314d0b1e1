package io.cellnet.netty.heartbeat;

import io.cellnet.ContextKey;
import io.cellnet.EventHooker;
import io.cellnet.RecvMsgEvent;
import io.cellnet.Session;
import io.cellnet.SessionAccepted;
import io.cellnet.SessionClosed;
import io.cellnet.SessionConnected;
import io.netty.channel.Channel;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A hooker that keeps sessions honest with ping/pong messages of the application's choosing (they
 * must be registered messages, so both sides, Go or Java, can decode them).
 *
 * <ul>
 *   <li>With {@link Builder#sendPings} (typically on the connector), every {@code interval} each
 *       session sends a ping; when {@code maxMissed} pings in a row get no pong, the session is
 *       closed with {@link io.cellnet.CloseReason#IO} and a {@link HeartbeatTimeoutException}.</li>
 *   <li>A received ping is answered with a pong (both sides) and swallowed; a received pong resets
 *       the missed count and is swallowed. Other messages pass on untouched.</li>
 * </ul>
 * The timers run on each session's I/O thread and stop when the session closes. A timeout is
 * fired down the session's channel pipeline ({@code exceptionCaught}), which closes the session.
 *
 * <pre>{@code
 * EventHooker heartbeat = HeartbeatHooker.builder(Ping.class, Ping::new, Pong.class, ping -> new Pong())
 *     .sendPings(Duration.ofSeconds(5), 3).build();
 * TcpPeers.connector().bundle(Processors.bundle("tcp.ltv", callback).withHooker(heartbeat))...
 * }</pre>
 *
 * <p>Thread safety: thread-safe; one instance serves every session of a peer.
 */
public final class HeartbeatHooker implements EventHooker {
    /** Sends pass untouched. */
    @Override
    public boolean interceptsOutbound() {
        return false;
    }

    private static final ContextKey<State> STATE = ContextKey.of("cellnet.heartbeat", State.class);

    private final Class<?> pingType;
    private final Supplier<?> ping;
    private final Class<?> pongType;
    private final Function<Object, ?> pong;
    private final @Nullable Duration interval;
    private final int maxMissed;

    private HeartbeatHooker(Builder b) {
        this.pingType = b.pingType;
        this.ping = b.ping;
        this.pongType = b.pongType;
        this.pong = b.pong;
        this.interval = b.interval;
        this.maxMissed = b.maxMissed;
    }

    /** A builder: pings of {@code pingType} made by {@code ping}, answered by {@code pong(ping)}. */
    @SuppressWarnings("unchecked")
    public static <P> Builder builder(Class<P> pingType, Supplier<? extends P> ping, Class<?> pongType,
            Function<? super P, ?> pong) {
        return new Builder(pingType, ping, pongType, (Function<Object, ?>) pong);
    }

    @Override
    public @Nullable RecvMsgEvent onInboundEvent(RecvMsgEvent event) {
        Object m = event.message();
        if (pingType.isInstance(m)) {
            event.session().send(pong.apply(m));
            return null;
        }
        if (pongType.isInstance(m)) {
            State s = event.session().getContext(STATE);
            if (s != null) {
                s.missed = 0;
            }
            return null;
        }
        if (interval != null && (m instanceof SessionAccepted || m instanceof SessionConnected)) {
            start(event.session());
        } else if (m instanceof SessionClosed) {
            State s = event.session().getContext(STATE);
            if (s != null) {
                s.timer.cancel(false);
            }
        }
        return event;
    }

    private void start(Session session) {
        Channel ch = session.as(Channel.class);
        if (ch == null || interval == null) {
            return;
        }
        State state = new State();
        long nanos = interval.toNanos();
        state.timer = ch.eventLoop().scheduleAtFixedRate(() -> tick(session, ch, state), nanos, nanos,
                TimeUnit.NANOSECONDS);
        ch.closeFuture().addListener(f -> state.timer.cancel(false));
        session.setContext(STATE, state);
    }

    private void tick(Session session, Channel ch, State state) {
        if (state.missed >= maxMissed) {
            state.timer.cancel(false);
            // Netty's error path: the session closes with CloseReason.IO and this cause
            ch.pipeline().fireExceptionCaught(new HeartbeatTimeoutException(state.missed));
            return;
        }
        state.missed++;
        session.send(ping.get());
    }

    /** Per-session heartbeat state; touched only on the session's I/O thread. */
    private static final class State {
        private int missed;
        private ScheduledFuture<?> timer;
    }

    /**
     * Builds a {@link HeartbeatHooker}.
     *
     * <p>Thread safety: not thread-safe; use from one thread.
     */
    public static final class Builder {
        private final Class<?> pingType;
        private final Supplier<?> ping;
        private final Class<?> pongType;
        private final Function<Object, ?> pong;
        private @Nullable Duration interval;
        private int maxMissed;

        private Builder(Class<?> pingType, Supplier<?> ping, Class<?> pongType, Function<Object, ?> pong) {
            this.pingType = Objects.requireNonNull(pingType, "pingType");
            this.ping = Objects.requireNonNull(ping, "ping");
            this.pongType = Objects.requireNonNull(pongType, "pongType");
            this.pong = Objects.requireNonNull(pong, "pong");
        }

        /** Send a ping every {@code interval}; close after {@code maxMissed} unanswered in a row. */
        public Builder sendPings(Duration interval, int maxMissed) {
            if (interval.isNegative() || interval.isZero() || maxMissed <= 0) {
                throw new IllegalArgumentException("need a positive interval and maxMissed: " + interval + ", " + maxMissed);
            }
            this.interval = interval;
            this.maxMissed = maxMissed;
            return this;
        }

        /** The hooker. */
        public HeartbeatHooker build() {
            return new HeartbeatHooker(this);
        }
    }
}
