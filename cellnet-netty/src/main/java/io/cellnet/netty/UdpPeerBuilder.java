package io.cellnet.netty;

import io.cellnet.Address;
import io.cellnet.netty.internal.udp.UdpPeerConfig;
import io.cellnet.timer.Scheduler;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The settings shared by the UDP peer builders: the common ones of {@link PeerBuilder} (processor
 * {@code udp.ltv} by default) plus the timer clock and the first session id.
 *
 * <p>Thread safety: not thread-safe; use a builder from one thread.
 *
 * @param <B> the concrete builder
 */
public abstract class UdpPeerBuilder<B extends UdpPeerBuilder<B>> extends PeerBuilder<B> {
    private @Nullable Scheduler scheduler;
    long idBase = 1;

    UdpPeerBuilder(String typeName) {
        super(typeName, "udp.ltv", UdpPeerBuilder::parse);
    }

    /** A udp address: {@code host:port} or {@code udp://host:port}, one port. */
    private static Address parse(String text) {
        Address a = Address.parse(text);
        if (!a.scheme().isEmpty() && !a.scheme().equals("udp")) {
            throw new IllegalArgumentException("invalid udp address '" + text + "': scheme must be udp or none");
        }
        if (a.isRange()) {
            throw new IllegalArgumentException("invalid udp address '" + text + "': port ranges are not supported");
        }
        return a;
    }

    /**
     * The clock for timers (session expiry); the socket's event loop by default. Tests pass a
     * {@code ManualScheduler}.
     */
    public B scheduler(Scheduler scheduler) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        return self();
    }

    /** The first session id (Go's {@code SetIDBase}); 1 by default. */
    public B idBase(long idBase) {
        this.idBase = idBase;
        return self();
    }

    /** The settings, checked. */
    final UdpPeerConfig config() {
        return new UdpPeerConfig(settings(), scheduler);
    }
}
