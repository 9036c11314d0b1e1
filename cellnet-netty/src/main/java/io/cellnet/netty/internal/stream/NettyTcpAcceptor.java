package io.cellnet.netty.internal.stream;

import io.cellnet.Address;
import io.cellnet.DrainHook;
import io.cellnet.DrainResult;
import io.cellnet.Session;
import io.cellnet.TcpAcceptor;
import io.cellnet.netty.internal.ChannelSetup;
import io.cellnet.netty.internal.ConnectionLimiter;
import io.cellnet.netty.internal.DelegatingPeer;
import io.cellnet.netty.internal.Link;
import io.cellnet.netty.internal.NettyFutures;
import io.cellnet.netty.internal.PeerSettings;
import io.cellnet.netty.internal.PeerShell;
import io.cellnet.netty.internal.AcceptorExtras;
import io.cellnet.netty.internal.SessionBinder;
import io.cellnet.netty.internal.SessionManager;
import io.cellnet.netty.internal.StreamGroups;
import io.cellnet.netty.internal.TcpOptions;
import io.cellnet.netty.internal.TcpPeerConfig;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * {@code tcp.Acceptor} on Netty's {@link ServerBootstrap}; built by {@code TcpPeers.acceptor()}.
 * Transports over TCP (WebSocket) and in-memory channels reuse it with their own type name,
 * channel kind and transmitter. Each accepted connection is a session of its own, carried by its
 * {@link Link}.
 *
 * <p>Thread safety: every method may be called from any thread.
 */
public final class NettyTcpAcceptor implements TcpAcceptor, DelegatingPeer, SocketOptionsView, SessionBinder {
    private final PeerShell shell;
    private final TcpPeerConfig config;
    private final SessionManager sessions;
    private final ChannelSetup setup;
    private final int backlog;
    private final ConnectionLimiter limiter;
    private final AcceptorExtras extras;
    private final Set<Channel> children = ConcurrentHashMap.newKeySet();
    private final Object acceptLock = new Object();
    private boolean accepting;
    private @Nullable CompletableFuture<DrainResult> drain;
    private volatile @Nullable Channel serverChannel;

    /**
     * An acceptor with {@code config}; session ids start at {@code idBase}; connections beyond
     * {@code maxSessions} in all or {@code maxPerAddress} from one IP are refused.
     */
    public NettyTcpAcceptor(TcpPeerConfig config, long idBase, int backlog, int maxSessions, int maxPerAddress) {
        this(config, idBase, backlog, maxSessions, maxPerAddress, AcceptorExtras.NONE);
    }

    /**
     * An acceptor as above with the listening channel's options, a boss group and the PROXY
     * protocol of {@code extras}.
     */
    public NettyTcpAcceptor(TcpPeerConfig config, long idBase, int backlog, int maxSessions, int maxPerAddress,
            AcceptorExtras extras) {
        this.extras = extras;
        this.config = config;
        this.shell = new PeerShell(this, config.peer(), config.closeTimeout(), config.outboundLimits(), this::startIo,
                this::stopIo);
        this.sessions = new SessionManager(idBase);
        this.backlog = backlog;
        this.limiter = new ConnectionLimiter(config.peer().name(), maxSessions, maxPerAddress, shell.core().observer());
        this.setup = new ChannelSetup(shell.core(), this, config, false, extras.proxy());
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
        StreamGroups groups = config.kind().groups();
        EventLoopGroup ownBoss = extras.bossGroup();
        EventLoopGroup boss = ownBoss != null ? ownBoss : shell.acquire(groups.boss());
        EventLoopGroup workers = shell.acquire(groups.workers());
        shell.activeGroup(workers);
        ServerBootstrap b = new ServerBootstrap()
                .group(boss, workers)
                .channel(config.serverChannelType());
        if (config.kind().hasSocketOptions()) {
            b.option(ChannelOption.SO_REUSEADDR, true).option(ChannelOption.SO_BACKLOG, backlog);
        }
        PeerSettings.OptionSetter serverSetter = new PeerSettings.OptionSetter() {
            @Override
            public <T> void set(ChannelOption<T> option, T value) {
                b.option(option, value);
            }
        };
        extras.serverOptions().forEach(serverSetter::setRaw);
        b.childHandler(new ChannelInitializer<>() {
            @Override
            protected void initChannel(Channel ch) {
                if (!limiter.admit(ch)) {
                    return;
                }
                children.add(ch);
                ch.closeFuture().addListener(f -> children.remove(ch));
                setup.install(ch);
            }
        });
        config.applyOptions(new PeerSettings.OptionSetter() {
            @Override
            public <T> void set(ChannelOption<T> option, T value) {
                b.childOption(option, value);
            }
        });
        CompletableFuture<Void> started = new CompletableFuture<>();
        bindFrom(b, config.address().minPort(), started);
        return started.whenComplete((v, e) -> {
            if (e != null) {
                releaseGroups();
            }
        });
    }

    private void bindFrom(ServerBootstrap b, int port, CompletableFuture<Void> started) {
        SocketAddress local = config.kind().bindAddress(config.address(), port);
        if (local instanceof InetSocketAddress a && a.isUnresolved()) {
            UnknownHostException cause = resolverFailure(a.getHostString());
            failStart(started, "the host '" + a.getHostString() + "' cannot be resolved (" + cause + ")", cause);
            return;
        }
        ChannelFuture f = b.bind(local);
        f.addListener(done -> {
            if (done.isSuccess()) {
                serverChannel = f.channel();
                synchronized (acceptLock) {
                    accepting = true;
                    drain = null;
                }
                PeerShell.log.info("{} '{}' listening on {}", typeName(), name(), f.channel().localAddress());
                started.complete(null);
            } else if (port < config.address().maxPort()) {
                bindFrom(b, port + 1, started);
            } else {
                Throwable cause = done.cause();
                failStart(started, cause.getMessage() != null ? cause.getMessage() : cause.toString(), cause);
            }
        });
    }

    private void failStart(CompletableFuture<Void> started, String why, Throwable cause) {
        BindException e = new BindException(typeName() + " '" + name() + "' cannot listen on " + config.address()
                + ": " + why);
        e.initCause(cause);
        PeerShell.log.error(e.getMessage());
        started.completeExceptionally(e);
    }

    /** What the system resolver says about {@code host}, which did not resolve a moment ago. */
    private static UnknownHostException resolverFailure(String host) {
        try {
            InetAddress.getByName(host);
            return new UnknownHostException(host + " did not resolve when the acceptor started");
        } catch (UnknownHostException e) {
            return e;
        }
    }

    private CompletableFuture<Void> stopIo() {
        List<CompletableFuture<Void>> waits = new ArrayList<>();
        CompletableFuture<Void> sessionsClosed;
        synchronized (acceptLock) {
            accepting = false;
            drain = null;
            sessionsClosed = sessions.closeAllAndWait();
            waits.add(sessionsClosed);
        }
        Channel sc = serverChannel;
        serverChannel = null;
        if (sc != null) {
            waits.add(NettyFutures.whenDone(sc.close()));
        }
        for (Channel ch : children) {
            // a connection whose session has not started yet (a PROXY header or TLS handshake still
            // awaited) has no session to close it: it is closed once the sessions are
            waits.add(sessionsClosed.thenCompose(v -> NettyFutures.whenDone(ch.close())));
        }
        return CompletableFuture.allOf(waits.toArray(new CompletableFuture<?>[0]))
                .thenCompose(v -> releaseGroups())
                .whenComplete((v, e) -> PeerShell.log.info("{} '{}' stopped", typeName(), name()));
    }

    private CompletableFuture<Void> releaseGroups() {
        shell.activeGroup(null);
        StreamGroups groups = config.kind().groups();
        CompletableFuture<Void> boss = extras.bossGroup() != null ? CompletableFuture.completedFuture(null)
                : shell.release(groups.boss());
        return CompletableFuture.allOf(boss, shell.release(groups.workers()));
    }

    @Override
    public @Nullable Link bind(Channel channel) {
        synchronized (acceptLock) {
            if (!accepting) {
                return null;
            }
            Link link = Link.accept(channel, shell.core(), sessions.nextId());
            sessions.add(link);
            return link;
        }
    }

    @Override
    public void unbind(Link link) {
        sessions.remove(link);
    }

    @Override
    public CompletionStage<DrainResult> drain(Duration deadline, DrainHook hook) {
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(hook, "hook");
        if (deadline.isNegative()) {
            throw new IllegalArgumentException("deadline must be >= 0: " + deadline);
        }
        AcceptorDrain started;
        synchronized (acceptLock) {
            CompletableFuture<DrainResult> running = drain;
            if (running != null) {
                return running.minimalCompletionStage();
            }
            if (!accepting) {
                return CompletableFuture.completedStage(DrainResult.EMPTY);
            }
            accepting = false;
            started = new AcceptorDrain(name(), sessions.links());
            drain = started.result();
        }
        Channel sc = serverChannel;
        if (sc != null) {
            // new connects are refused from here on; stopIo closes it again, which is harmless
            sc.close();
        }
        started.run(shell.core().queue(), hook, deadline);
        return started.result().minimalCompletionStage();
    }

    @Override
    public boolean isDraining() {
        synchronized (acceptLock) {
            return drain != null;
        }
    }

    @Override
    public int port() {
        Channel sc = serverChannel;
        return sc != null && sc.localAddress() instanceof InetSocketAddress a ? a.getPort() : 0;
    }

    /**
     * Where clients reach this acceptor while it runs: {@code host:port} with the bound port for
     * sockets, {@code local://name} for in-memory channels; {@code null} when stopped.
     */
    public @Nullable String boundAddress() {
        Channel sc = serverChannel;
        if (sc == null) {
            return null;
        }
        if (sc.localAddress() instanceof InetSocketAddress a) {
            String host = config.address().host();
            boolean wildcard = host.isEmpty() || host.equals("0.0.0.0") || host.equals("::");
            return new Address("", wildcard ? "127.0.0.1" : host, a.getPort(), a.getPort(), "").hostPort(a.getPort());
        }
        return "local://" + config.address().host();
    }

    /**
     * The number of accepted connections whose channel is still open (a diagnostic: after a stop it
     * is 0, and while running it equals {@link #sessionCount()} once every session has started).
     */
    public int channelCount() {
        return children.size();
    }

    /** The number of connections refused by the session limits since the acceptor was built. */
    public long rejectedConnections() {
        return limiter.rejected();
    }

    @Override
    public boolean isReady() {
        Channel sc = serverChannel;
        return sc != null && sc.isActive() && !isDraining();   // the listener closes asynchronously
    }

    @Override
    public @Nullable Session session(long id) {
        return sessions.session(id);
    }

    @Override
    public void visitSessions(Predicate<Session> visitor) {
        sessions.visitSessions(visitor);
    }

    @Override
    public int sessionCount() {
        return sessions.sessionCount();
    }

    @Override
    public void closeAllSessions() {
        sessions.closeAllSessions();
    }

    @Override
    public String toString() {
        return shell.toString();
    }
}
