package io.cellnet.netty.internal.stream;

import io.cellnet.netty.internal.TcpPeerConfig;

import io.cellnet.netty.TcpConnectorBuilder;
import io.cellnet.netty.TcpPeers;

import io.cellnet.DisconnectedSendPolicy;
import io.cellnet.ReconnectPolicy;
import io.cellnet.Session;
import io.cellnet.SessionConnectError;
import io.cellnet.SessionConnected;
import io.cellnet.SystemMessage;
import io.cellnet.TcpConnector;
import io.cellnet.netty.internal.PeerSettings;
import io.cellnet.netty.internal.ChannelSetup;
import io.cellnet.netty.internal.Link;
import io.cellnet.netty.internal.NettyFutures;
import io.cellnet.netty.internal.SessionBinder;
import io.cellnet.netty.internal.SessionHandler;
import io.cellnet.timer.Scheduler;
import io.cellnet.timer.TimerHandle;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.util.AttributeKey;
import java.net.InetSocketAddress;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * {@code tcp.Connector} (and, with {@code sync}, {@code tcp.SyncConnector}) on Netty's
 * {@link Bootstrap}; see {@link TcpPeers#connector()}. Reconnects are scheduled, never slept: each
 * start and stop begins a new generation, and whatever an older generation still has in flight (a
 * connect, a timer) is discarded when it completes, so stop is prompt in every state (but for the
 * graceful close of a connected session, bounded by the close timeout) and nothing starts after it.
 *
 * <p>Thread safety: every method may be called from any thread.
 */
public class NettyTcpConnector extends TcpPeerBase implements TcpConnector, SessionBinder {
    private static final AttributeKey<Long> GENERATION = AttributeKey.valueOf("cellnet.connector.generation");

    private final ReconnectPolicy reconnect;
    private final DisconnectedSendPolicy sendPolicy;
    private final Duration connectTimeout;
    private final @Nullable Scheduler scheduler;
    private final boolean sync;
    private final ConnectorSession session;
    private final AtomicLong ids;
    private final ChannelSetup setup;

    // guarded by this
    private long generation;
    private boolean running;
    private @Nullable Bootstrap bootstrap;
    private @Nullable Channel channel;
    private @Nullable Link link;
    private @Nullable Runnable cancelTimer;
    private @Nullable CompletableFuture<Void> firstConnect;
    /**
     * Completes once the connect call in progress has returned (and, if a stop overtook it, closed
     * its channel). A stop releases the event loops only after it: a reconnect timer that already
     * runs cannot be cancelled, and its channel must not land on a loop that has shut down, where
     * nothing could close it.
     */
    private @Nullable CompletableFuture<Void> attemptInFlight;

    /** A connector with {@code config}; see {@link TcpConnectorBuilder} for the other settings. */
    public NettyTcpConnector(TcpPeerConfig config, ReconnectPolicy reconnect, DisconnectedSendPolicy sendPolicy,
            Duration connectTimeout, @Nullable Scheduler scheduler, long idBase, boolean sync) {
        super(config);
        config.kind().connectAddress(config.address());
        this.reconnect = reconnect;
        this.sendPolicy = sendPolicy;
        this.connectTimeout = connectTimeout;
        this.scheduler = scheduler;
        this.sync = sync;
        this.session = new ConnectorSession(core, sendPolicy);
        this.ids = new AtomicLong(idBase);
        this.setup = new ChannelSetup(this, config, true);
    }

    @Override
    protected CompletableFuture<Void> doStart() {
        EventLoopGroup group = settings.group() != null ? settings.group() : config.kind().clientGroup().acquire();
        activeGroup(group);
        Bootstrap b = new Bootstrap().group(group)
                .channel(config.clientChannelType())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()));
        config.applyOptions(PeerSettings.OptionSetter.of(b));
        CompletableFuture<Void> started = new CompletableFuture<>();
        long gen;
        synchronized (this) {
            bootstrap = b;
            running = true;
            gen = ++generation;
            firstConnect = sync ? started : null;
        }
        session.buffering(true);
        connect(gen, 0);
        if (!sync) {
            started.complete(null);
        }
        return started.whenComplete((v, e) -> {
            if (e != null) {
                stopIo();
            }
        });
    }

    private void connect(long gen, int attempt) {
        Bootstrap b;
        CompletableFuture<Void> inFlight = new CompletableFuture<>();
        synchronized (this) {
            if (gen != generation || bootstrap == null) {
                return;
            }
            cancelTimer = null;
            attemptInFlight = inFlight;
            b = bootstrap.clone().handler(new ChannelInitializer<>() {
                @Override
                protected void initChannel(Channel ch) {
                    ch.attr(GENERATION).set(gen);
                    setup.install(ch);
                }
            });
        }
        ChannelFuture f;
        try {
            f = b.connect(config.kind().connectAddress(config.address()));
        } catch (RuntimeException e) {
            inFlight.complete(null);
            throw e;
        }
        boolean overtaken;
        synchronized (this) {
            if (attemptInFlight == inFlight) {
                attemptInFlight = null;
            }
            overtaken = gen != generation;
            if (!overtaken) {
                channel = f.channel();
            }
        }
        if (overtaken) {
            NettyFutures.whenDone(f.channel().close()).whenComplete((v, e) -> inFlight.complete(null));
            return;
        }
        inFlight.complete(null);
        f.addListener(done -> {
            if (!done.isSuccess()) {
                connectFailed(gen, attempt, done.cause());
                return;
            }
            Channel ch = f.channel();
            ch.closeFuture().addListener(closed -> closedBeforeStart(gen, attempt, ch));
        });
    }

    /** A connection that closed before its session started (a failed handshake) is a failed attempt. */
    private void closedBeforeStart(long gen, int attempt, Channel ch) {
        synchronized (this) {
            if (gen != generation || channel != ch || link != null) {
                return;
            }
        }
        Throwable cause = ch.attr(SessionHandler.START_FAILURE).get();
        connectFailed(gen, attempt, cause != null ? cause : new IOException("connection closed before the session started"));
    }

    private void connectFailed(long gen, int attempt, Throwable cause) {
        Duration delay;
        CompletableFuture<Void> first;
        synchronized (this) {
            if (gen != generation) {
                return;
            }
            channel = null;
            delay = sync ? null : reconnect.delayBeforeAttempt(attempt + 1);
            first = firstConnect;
            firstConnect = null;
        }
        if (attempt < 3) {
            log.warn("{} '{}' cannot connect to {} (attempt {}): {}", typeName(), name(), address(), attempt, cause.toString());
        } else {
            log.debug("{} '{}' cannot connect to {} (attempt {}): {}", typeName(), name(), address(), attempt, cause.toString());
        }
        core.deliver(session, null, new SessionConnectError(cause, attempt, delay != null));
        if (first != null) {
            first.completeExceptionally(cause);
        } else if (delay != null) {
            schedule(gen, attempt + 1, delay);
        } else {
            giveUp(gen);
        }
    }

    private void schedule(long gen, int attempt, Duration delay) {
        Runnable task = () -> connect(gen, attempt);
        Runnable cancel;
        if (scheduler != null) {
            TimerHandle h = scheduler.schedule(task, delay);
            cancel = h::cancel;
        } else {
            EventLoopGroup g = activeGroup();
            if (g == null) {
                return;
            }
            var f = g.next().schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
            cancel = () -> f.cancel(false);
        }
        synchronized (this) {
            if (gen == generation) {
                cancelTimer = cancel;
                return;
            }
        }
        cancel.run();
    }

    private void giveUp(long gen) {
        synchronized (this) {
            if (gen != generation) {
                return;
            }
        }
        stop();
    }

    @Override
    protected CompletableFuture<Void> doStop() {
        Link l;
        Channel ch;
        CompletableFuture<Void> inFlight;
        synchronized (this) {
            running = false;
            generation++;
            if (cancelTimer != null) {
                cancelTimer.run();
                cancelTimer = null;
            }
            l = link;
            ch = channel;
            inFlight = attemptInFlight;
        }
        session.buffering(false);
        CompletableFuture<Void> closed;
        if (l != null) {
            l.close(true);
            closed = l.closedPosted();
        } else if (ch != null) {
            closed = NettyFutures.whenDone(ch.close());
        } else {
            closed = CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> quiet = inFlight == null ? closed : CompletableFuture.allOf(closed, inFlight);
        return quiet.thenCompose(v -> stopIo());
    }

    private CompletableFuture<Void> stopIo() {
        synchronized (this) {
            running = false;
            bootstrap = null;
            channel = null;
        }
        activeGroup(null);
        return settings.group() != null ? CompletableFuture.completedFuture(null)
                : NettyFutures.whenDone(config.kind().clientGroup().release());
    }

    @Override
    public @Nullable Link bind(Channel ch) {
        CompletableFuture<Void> first;
        Link l;
        synchronized (this) {
            Long gen = ch.attr(GENERATION).get();
            if (!running || gen == null || gen != generation) {
                return null;
            }
            l = new Link(ch, session, core);
            link = l;
            channel = ch;
            first = firstConnect;
            firstConnect = null;
        }
        session.connect(l, ids.getAndIncrement());
        if (first != null) {
            first.complete(null);
        }
        return l;
    }

    @Override
    public SystemMessage activeMessage() {
        return SessionConnected.INSTANCE;
    }

    @Override
    public void unbind(Link l) {
        session.disconnect(l);
        long gen;
        Duration delay;
        synchronized (this) {
            if (link != l) {
                return;
            }
            link = null;
            channel = null;
            if (!running) {
                return;
            }
            gen = generation;
            delay = sync ? null : reconnect.delayBeforeAttempt(1);
        }
        if (delay != null) {
            schedule(gen, 1, delay);
        } else {
            giveUp(gen);
        }
    }

    @Override
    public Session session() {
        return session;
    }

    @Override
    public int port() {
        Link l = session.link();
        return l != null && l.channel().localAddress() instanceof InetSocketAddress a ? a.getPort() : 0;
    }

    @Override
    public boolean isReady() {
        return session.isOpen();
    }

    @Override
    public ReconnectPolicy reconnectPolicy() {
        return reconnect;
    }

    @Override
    public DisconnectedSendPolicy disconnectedSendPolicy() {
        return sendPolicy;
    }
}
