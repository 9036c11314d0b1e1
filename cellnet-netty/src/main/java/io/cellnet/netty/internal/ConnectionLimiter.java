package io.cellnet.netty.internal;

import io.cellnet.internal.RateLimitedLog;
import io.cellnet.observe.PeerObserver;
import io.netty.channel.Channel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.LoggerFactory;

/**
 * An acceptor's admission control: at most {@code maxConnections} connections in all and at most
 * {@code maxPerAddress} from one remote IP address. A connection over either limit is closed at
 * once, before any session exists, counted, and logged at a limited rate.
 *
 * <p>Thread safety: every method may be called from any thread.
 */
public final class ConnectionLimiter {
    // One per acceptor: a shared one let one acceptor's refusals silence another's.
    private final RateLimitedLog log = new RateLimitedLog(LoggerFactory.getLogger(ConnectionLimiter.class), 1,
            TimeUnit.SECONDS);

    private final String peerName;
    private final PeerObserver observer;
    private final int maxConnections;
    private final int maxPerAddress;
    private final AtomicInteger connections = new AtomicInteger();
    private final ConcurrentHashMap<InetAddress, AtomicInteger> perAddress = new ConcurrentHashMap<>();
    private final AtomicLong rejected = new AtomicLong();

    /** Limits for the acceptor {@code peerName}; {@link Integer#MAX_VALUE} means no limit. */
    public ConnectionLimiter(String peerName, int maxConnections, int maxPerAddress) {
        this(peerName, maxConnections, maxPerAddress, PeerObserver.NONE);
    }

    /** Limits as above, whose refusals are reported to {@code observer}. */
    public ConnectionLimiter(String peerName, int maxConnections, int maxPerAddress, PeerObserver observer) {
        this.observer = observer;
        this.peerName = peerName;
        this.maxConnections = maxConnections;
        this.maxPerAddress = maxPerAddress;
    }

    /**
     * Admits {@code ch} or closes it. An admitted channel is counted until it closes.
     *
     * @return {@code true} when admitted
     */
    public boolean admit(Channel ch) {
        if (connections.incrementAndGet() > maxConnections) {
            connections.decrementAndGet();
            observer.connectionRefused("max_connections");
            return reject(ch, "at most " + maxConnections + " connections");
        }
        InetAddress ip = ch.remoteAddress() instanceof InetSocketAddress a ? a.getAddress() : null;
        if (ip != null && maxPerAddress != Integer.MAX_VALUE) {
            AtomicInteger n = perAddress.computeIfAbsent(ip, k -> new AtomicInteger());
            if (n.incrementAndGet() > maxPerAddress) {
                release(ip);
                connections.decrementAndGet();
                observer.connectionRefused("max_per_address");
                return reject(ch, "at most " + maxPerAddress + " connections from " + ip.getHostAddress());
            }
        }
        ch.closeFuture().addListener(f -> {
            connections.decrementAndGet();
            if (ip != null && maxPerAddress != Integer.MAX_VALUE) {
                release(ip);
            }
        });
        return true;
    }

    private void release(InetAddress ip) {
        perAddress.computeIfPresent(ip, (k, n) -> n.decrementAndGet() <= 0 ? null : n);
    }

    private boolean reject(Channel ch, String limit) {
        rejected.incrementAndGet();
        log.warn("acceptor '{}' refused a connection from {}: {}", peerName, ch.remoteAddress(), limit);
        ch.close();
        return false;
    }

    /** The number of connections refused so far. */
    public long rejected() {
        return rejected.get();
    }

    /** The number of connections admitted and still open. */
    public int connections() {
        return connections.get();
    }
}
