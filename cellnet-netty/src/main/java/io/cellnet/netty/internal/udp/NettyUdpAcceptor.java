package io.cellnet.netty.internal.udp;

import io.cellnet.CloseReason;
import io.cellnet.IdleTimeoutException;
import io.cellnet.Session;
import io.cellnet.SessionAccepted;
import io.cellnet.SessionClosed;
import io.cellnet.UdpAcceptor;
import io.cellnet.netty.internal.LoopScheduler;
import io.cellnet.timer.Scheduler;
import io.cellnet.timer.TimerHandle;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * {@code udp.Acceptor} on a Netty datagram socket; built by {@code UdpPeers.acceptor()}. Sessions are
 * opened on the event loop only (by an arriving datagram) and closed from any thread (expiry,
 * {@code close()}, stop) through their atomic state; every event is posted from the event loop.
 * So each session posts exactly one {@code SessionAccepted} before its messages and one
 * {@code SessionClosed} after them.
 *
 * <p>Thread safety: every method may be called from any thread.
 */
public final class NettyUdpAcceptor implements UdpAcceptor, SocketUdpPeer, DatagramPeer {
    private final UdpSocket socket;
    private final ConcurrentHashMap<InetSocketAddress, DatagramEndpoint> byAddress = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, DatagramEndpoint> byId = new ConcurrentHashMap<>();
    private final AtomicLong ids;
    private final Duration ttl;
    private final Duration sweepInterval;
    private final AtomicLong runs = new AtomicLong();
    private volatile Scheduler clock;
    private volatile @Nullable TimerHandle sweepTimer;
    private volatile boolean accepting;

    /** An acceptor with {@code config}; session ids start at {@code idBase}; sessions expire after {@code ttl}. */
    public NettyUdpAcceptor(UdpPeerConfig config, long idBase, Duration ttl, Duration sweepInterval) {
        this.socket = new UdpSocket(config, this, this, false);
        this.ids = new AtomicLong(idBase);
        this.ttl = ttl;
        this.sweepInterval = sweepInterval;
        Scheduler s = config.scheduler();
        this.clock = s != null ? s : Scheduler.system();
    }

    @Override
    public UdpSocket socket() {
        return socket;
    }

    @Override
    public ChannelFuture open(Bootstrap bootstrap) {
        return bootstrap.bind(bindAddress());
    }

    private InetSocketAddress bindAddress() {
        String host = socket.config().address().host();
        int port = socket.config().address().minPort();
        return host.isEmpty() ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
    }

    @Override
    public void opened(Channel ch) {
        Scheduler s = socket.config().scheduler();
        clock = s != null ? s : new LoopScheduler(ch.eventLoop());
        accepting = true;
        scheduleSweep(runs.incrementAndGet());
    }

    private void scheduleSweep(long run) {
        sweepTimer = clock.schedule(() -> sweep(run), sweepInterval);
    }

    /**
     * Expires, on the event loop, the sessions idle at this tick's time, then schedules the next tick
     * while this run of the acceptor lasts.
     */
    private void sweep(long run) {
        if (run != runs.get()) {
            return;
        }
        long now = clock.nanoTime();
        socket.onLoop(() -> expireIdle(now));
        if (run == runs.get()) {
            scheduleSweep(run);
        }
    }

    private void expireIdle(long now) {
        long ttlNanos = ttl.toNanos();
        for (DatagramEndpoint s : byAddress.values()) {
            if (s.expireIfIdle(now, ttlNanos)) {
                removed(s, new SessionClosed(CloseReason.IO, new IdleTimeoutException("datagram", ttl)));
            }
        }
    }

    @Override
    public void received(InetSocketAddress sender, Object message) {
        long now = clock.nanoTime();
        DatagramEndpoint s = byAddress.get(sender);
        if (s == null || !s.touch(now)) {
            if (!accepting) {
                return;
            }
            s = new DatagramEndpoint(socket, this, socket.core());
            s.open(ids.getAndIncrement(), sender, now);
            byAddress.put(sender, s);
            byId.put(s.session().id(), s);
            socket.core().deliver(s.session(), null, SessionAccepted.INSTANCE);
        }
        socket.core().deliver(s.session(), null, message);
    }

    /** Closes at once (sends fail from now on); removes and posts on the event loop, after its messages. */
    @Override
    public void closeSession(DatagramEndpoint session, CloseReason reason) {
        if (session.markClosed()) {
            socket.onLoop(() -> removed(session, new SessionClosed(reason, null)));
        }
    }

    private void removed(DatagramEndpoint s, SessionClosed event) {
        InetSocketAddress remote = s.remote();
        if (remote != null) {
            byAddress.remove(remote, s);
        }
        byId.remove(s.session().id(), s);
        socket.core().deliver(s.session(), null, event);
    }

    @Override
    public void closeSessions(CloseReason reason) {
        accepting = false;
        runs.incrementAndGet();
        TimerHandle t = sweepTimer;
        if (t != null) {
            t.cancel();
        }
        for (DatagramEndpoint s : byAddress.values()) {
            closeSession(s, reason);
        }
    }

    @Override
    public Duration sessionTtl() {
        return ttl;
    }

    @Override
    public boolean isReady() {
        Channel ch = socket.channel();
        return ch != null && ch.isActive();
    }

    @Override
    public @Nullable Session session(long id) {
        DatagramEndpoint e = byId.get(id);
        return e == null ? null : e.session();
    }

    @Override
    public void visitSessions(Predicate<Session> visitor) {
        for (DatagramEndpoint s : byId.values()) {
            if (!visitor.test(s.session())) {
                return;
            }
        }
    }

    @Override
    public int sessionCount() {
        return byId.size();
    }

    @Override
    public void closeAllSessions() {
        for (DatagramEndpoint s : byAddress.values()) {
            closeSession(s, CloseReason.MANUAL);
        }
    }

    @Override
    public String toString() {
        return socket.shell().toString();
    }
}
