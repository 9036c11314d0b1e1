package io.cellnet.netty.internal.stream;

import io.cellnet.DisconnectedSendPolicy;
import io.cellnet.Peer;
import io.cellnet.ReconnectPolicy;
import io.cellnet.Session;
import io.cellnet.SessionConnectError;
import io.cellnet.TcpConnector;
import io.cellnet.netty.internal.ChannelSetup;
import io.cellnet.netty.internal.DelegatingPeer;
import io.cellnet.netty.internal.Link;
import io.cellnet.netty.internal.LoopScheduler;
import io.cellnet.netty.internal.NettySession;
import io.cellnet.netty.internal.PeerSettings;
import io.cellnet.netty.internal.PeerShell;
import io.cellnet.netty.internal.SessionBinder;
import io.cellnet.netty.internal.TcpOptions;
import io.cellnet.netty.internal.TcpPeerConfig;
import io.cellnet.timer.Scheduler;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * {@code tcp.Connector} (and the connector inside {@code tcp.SyncConnector}) on Netty's
 * {@link Bootstrap}; built by {@code TcpPeers.connector()}. One session for the connector's life,
 * carried by a {@link ConnectorTransport}; its {@link ReconnectWatchdog} dials, redials and stops.
 *
 * <p>Its start completes at once, or, for a sync connector's, when the first attempt connects or
 * fails ({@code awaitConnection}); that is the only difference between the two.
 *
 * <p>Thread safety: every method may be called from any thread.
 */
public final class NettyTcpConnector implements TcpConnector, DelegatingPeer, SocketOptionsView, SessionBinder {
    private final PeerShell shell;
    private final TcpPeerConfig config;
    private final ConnectorOptions options;
    private final boolean awaitConnection;
    private final ConnectorTransport transport;
    private final NettySession session;
    private final AtomicLong ids;
    private final ChannelSetup setup;
    private final ReconnectWatchdog watchdog;
    private volatile @Nullable Bootstrap bootstrap;

    /** A connector with {@code config} and {@code options}; see {@code TcpConnectorBuilder}. */
    public NettyTcpConnector(TcpPeerConfig config, ConnectorOptions options) {
        this(config, options, false, null);
    }

    /**
     * A connector whose start completes when {@code awaitConnection}, once the first attempt has
     * connected or failed; its sessions report {@code identity} as their peer (this connector when
     * {@code null}).
     */
    NettyTcpConnector(TcpPeerConfig config, ConnectorOptions options, boolean awaitConnection, @Nullable Peer identity) {
        config.kind().connectAddress(config.address());
        this.config = config;
        this.options = options;
        this.awaitConnection = awaitConnection;
        this.shell = new PeerShell(identity != null ? identity : this, config.peer(), config.closeTimeout(),
                config.outboundLimits(), this::startIo, this::stopIo);
        this.transport = new ConnectorTransport(options.sendPolicy());
        this.session = new NettySession(shell.core(), transport, options.idBase());
        this.ids = new AtomicLong(options.idBase());
        this.setup = new ChannelSetup(shell.core(), this, config, true);
        this.watchdog = new ReconnectWatchdog(options.reconnect(), new Dialing());
    }

    @Override
    public PeerShell shell() {
        return shell;
    }

    @Override
    public TcpOptions socketOptions() {
        return config.options();
    }

    private CompletableFuture<Void> startIo() {
        EventLoopGroup group = shell.acquire(config.kind().groups().clients());
        shell.activeGroup(group);
        Bootstrap b = new Bootstrap().group(group)
                .channel(config.clientChannelType())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS,
                        (int) Math.min(Integer.MAX_VALUE, options.connectTimeout().toMillis()));
        config.applyOptions(PeerSettings.OptionSetter.of(b));
        bootstrap = b;
        transport.buffering(true);
        Scheduler s = options.scheduler();
        CompletableFuture<Void> first = watchdog.start(s != null ? s : new LoopScheduler(group.next()));
        // A connector that would not retry a failed first attempt stops when it fails: its start
        // carries that attempt's outcome, as a sync connector's does, instead of completing and
        // leaving the peer STOPPED a moment later.
        boolean retries = options.reconnect().delayBeforeAttempt(1) != null;
        CompletableFuture<Void> started = awaitConnection || !retries ? first : CompletableFuture.completedFuture(null);
        return started.whenComplete((v, e) -> {
            if (e != null) {
                stopIo();
            }
        });
    }

    private CompletableFuture<Void> stopIo() {
        int dropped = transport.buffering(false);
        if (dropped > 0) {
            PeerShell.log.warn("{} '{}' stopped with {} buffered message(s) never sent (no connection came up)",
                    typeName(), name(), dropped);
        }
        return watchdog.stop().thenCompose(v -> {
            bootstrap = null;
            shell.activeGroup(null);
            return shell.release(config.kind().groups().clients());
        });
    }

    @Override
    public @Nullable Link bind(Channel ch) {
        Link l = new Link(ch, session, shell.core());
        return watchdog.connected(ch, l, () -> transport.connect(l, ids.getAndIncrement())) ? l : null;
    }

    @Override
    public void unbind(Link l) {
        transport.disconnect(l);
        watchdog.lost(l);
    }

    @Override
    public Session session() {
        return session;
    }

    @Override
    public int port() {
        Link l = transport.link();
        return l != null && l.channel().localAddress() instanceof InetSocketAddress a ? a.getPort() : 0;
    }

    @Override
    public boolean isReady() {
        return session.isOpen();
    }

    @Override
    public ReconnectPolicy reconnectPolicy() {
        return options.reconnect();
    }

    @Override
    public DisconnectedSendPolicy disconnectedSendPolicy() {
        return options.sendPolicy();
    }

    @Override
    public String toString() {
        return shell.toString();
    }

    /** Dials for the watchdog and reports its attempts. */
    private final class Dialing implements Redialer {
        @Override
        public ChannelFuture dial(long generation) {
            Bootstrap b = bootstrap;
            if (b == null) {
                throw new IllegalStateException("connector '" + name() + "' is not running");
            }
            shell.core().observer().connectAttempt();
            return b.clone().handler(new ChannelInitializer<>() {
                @Override
                protected void initChannel(Channel ch) {
                    ReconnectWatchdog.tag(ch, generation);
                    setup.install(ch);
                }
            }).connect(config.kind().connectAddress(config.address()));
        }

        @Override
        public void attemptFailed(int attempt, Throwable cause, boolean willRetry) {
            if (attempt < 3) {
                PeerShell.log.warn("{} '{}' cannot connect to {} (attempt {}): {}", typeName(), name(), address(), attempt,
                        cause.toString());
            } else {
                PeerShell.log.debug("{} '{}' cannot connect to {} (attempt {}): {}", typeName(), name(), address(),
                        attempt, cause.toString());
            }
            shell.core().deliver(session, null, new SessionConnectError(cause, attempt, willRetry));
        }

        @Override
        public void reconnected(int attempt, Duration outage) {
            shell.core().observer().reconnected(outage.toNanos());
            PeerShell.log.info("{} '{}' connected to {} again at attempt {}, {} ms after the connection was lost or"
                    + " the first attempt failed", typeName(), name(), address(), attempt, outage.toMillis());
        }

        @Override
        public void gaveUp(int lastAttempt, boolean connectionLost) {
            if (connectionLost) {
                PeerShell.log.info("{} '{}' stopped: its connection to {} closed and its reconnect policy does not"
                        + " reconnect", typeName(), name(), address());
            } else {
                PeerShell.log.warn("{} '{}' stopped: attempt {} to connect to {} failed and its reconnect policy gives"
                        + " up; start() it again to retry", typeName(), name(), lastAttempt, address());
            }
            stop();
        }
    }
}
