package io.cellnet.netty;

import io.cellnet.UdpAcceptor;
import io.cellnet.netty.internal.udp.NettyUdpAcceptor;
import java.time.Duration;
import java.util.Objects;

/**
 * Builds a {@code udp.Acceptor}.
 *
 * <pre>{@code
 * UdpAcceptor server = UdpPeers.acceptor()
 *     .name("game-udp").address("0.0.0.0:7702").queue(queue)
 *     .sessionTtl(Duration.ofSeconds(30))
 *     .callback(dispatcher)
 *     .build();
 * server.start().join();
 * }</pre>
 *
 * <p>Thread safety: not thread-safe; use from one thread. The built peer is thread-safe.
 */
public final class UdpAcceptorBuilder extends UdpPeerBuilder<UdpAcceptorBuilder> {
    /** The default {@link #sessionTtl(Duration)}: one minute, as Go. */
    public static final Duration DEFAULT_SESSION_TTL = Duration.ofMinutes(1);
    /** The default {@link #sweepInterval(Duration)}. */
    public static final Duration DEFAULT_SWEEP_INTERVAL = Duration.ofSeconds(1);

    private Duration ttl = DEFAULT_SESSION_TTL;
    private Duration sweepInterval = DEFAULT_SWEEP_INTERVAL;

    UdpAcceptorBuilder() {
        super("udp.Acceptor");
    }

    /** How long a session lives without receiving a datagram (Go's {@code SetSessionTTL}). */
    public UdpAcceptorBuilder sessionTtl(Duration ttl) {
        Objects.requireNonNull(ttl, "ttl");
        this.ttl = positive(ttl, "session ttl");
        return this;
    }

    /**
     * How often expired sessions are looked for (Go's {@code SetSessionCleanTimeout}, which Go only
     * applies when a datagram arrives); a session expires between {@code ttl} and
     * {@code ttl + interval} after its last datagram.
     */
    public UdpAcceptorBuilder sweepInterval(Duration interval) {
        Objects.requireNonNull(interval, "interval");
        this.sweepInterval = positive(interval, "sweep interval");
        return this;
    }

    private static Duration positive(Duration d, String what) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive: " + d);
        }
        return d;
    }

    /** The acceptor, stopped. */
    public UdpAcceptor build() {
        return new NettyUdpAcceptor(config(), idBase, ttl, sweepInterval);
    }
}
