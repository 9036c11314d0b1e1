package io.cellnet.netty.internal.stream;

import io.cellnet.netty.internal.TcpPeerConfig;

import io.cellnet.netty.TcpPeers;

import io.cellnet.Address;
import io.cellnet.Session;
import io.cellnet.SessionAccepted;
import io.cellnet.SystemMessage;
import io.cellnet.TcpAcceptor;
import io.cellnet.netty.internal.PeerSettings;
import io.cellnet.netty.internal.ChannelSetup;
import io.cellnet.netty.internal.ConnectionLimiter;
import io.cellnet.netty.internal.Link;
import io.cellnet.netty.internal.NettyFutures;
import io.cellnet.netty.internal.NettySession;
import io.cellnet.netty.internal.PeerCore;
import io.cellnet.netty.internal.SessionBinder;
import io.cellnet.netty.internal.SessionManager;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * {@code tcp.Acceptor} on Netty's {@link ServerBootstrap}; build it with {@link TcpPeers#acceptor()}.
 * Transports over TCP (WebSocket) reuse it with their own type name and transmitter.
 *
 * <p>Thread safety: every method may be called from any thread.
 */
public final class NettyTcpAcceptor extends TcpPeerBase implements TcpAcceptor, SessionBinder {
    private final SessionManager sessions;
    private final ChannelSetup setup;
    private final int backlog;
    private final ConnectionLimiter limiter;
    private final Set<Channel> children = ConcurrentHashMap.newKeySet();
    private final Object acceptLock = new Object();
    private boolean accepting;
    private volatile @Nullable Channel serverChannel;

    /**
     * An acceptor with {@code config}; session ids start at {@code idBase}; connections beyond
     * {@code maxSessions} in all or {@code maxPerAddress} from one IP are refused.
     */
    public NettyTcpAcceptor(TcpPeerConfig config, long idBase, int backlog, int maxSessions, int maxPerAddress) {
        super(config);
        this.sessions = new SessionManager(idBase);
        this.backlog = backlog;
        this.limiter = new ConnectionLimiter(settings.name(), maxSessions, maxPerAddress);
        this.setup = new ChannelSetup(this, config, false);
    }

    @Override
    protected CompletableFuture<Void> doStart() {
        EventLoopGroup boss = settings.group() != null ? settings.group() : config.kind().bossGroup().acquire();
        EventLoopGroup workers = settings.group() != null ? settings.group() : config.kind().workerGroup().acquire();
        activeGroup(workers);
        ServerBootstrap b = new ServerBootstrap()
                .group(boss, workers)
                .channel(config.serverChannelType());
        if (config.kind().hasSocketOptions()) {
            b.option(ChannelOption.SO_REUSEADDR, true).option(ChannelOption.SO_BACKLOG, backlog);
        }
        b
                .childHandler(new ChannelInitializer<>() {
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
        ChannelFuture f = b.bind(config.kind().bindAddress(config.address(), port));
        f.addListener(done -> {
            if (done.isSuccess()) {
                serverChannel = f.channel();
                synchronized (acceptLock) {
                    accepting = true;
                }
                log.info("{} '{}' listening on {}", typeName(), name(), f.channel().localAddress());
                started.complete(null);
            } else if (port < config.address().maxPort()) {
                bindFrom(b, port + 1, started);
            } else {
                BindException e = new BindException(typeName() + " '" + name() + "' cannot listen on " + config.address()
                        + ": " + done.cause().getMessage());
                e.initCause(done.cause());
                log.error(e.getMessage());
                started.completeExceptionally(e);
            }
        });
    }

    @Override
    protected CompletableFuture<Void> doStop() {
        List<CompletableFuture<Void>> waits = new ArrayList<>();
        synchronized (acceptLock) {
            accepting = false;
            waits.add(sessions.closeAllAndWait());
        }
        Channel sc = serverChannel;
        serverChannel = null;
        if (sc != null) {
            waits.add(NettyFutures.whenDone(sc.close()));
        }
        for (Channel ch : children) {
            waits.add(NettyFutures.whenDone(ch.closeFuture()));
        }
        return CompletableFuture.allOf(waits.toArray(new CompletableFuture<?>[0]))
                .thenCompose(v -> releaseGroups())
                .whenComplete((v, e) -> log.info("{} '{}' stopped", typeName(), name()));
    }

    private CompletableFuture<Void> releaseGroups() {
        activeGroup(null);
        if (settings.group() != null) {
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.allOf(NettyFutures.whenDone(config.kind().bossGroup().release()),
                NettyFutures.whenDone(config.kind().workerGroup().release()));
    }

    @Override
    public @Nullable Link bind(Channel channel) {
        synchronized (acceptLock) {
            if (!accepting) {
                return null;
            }
            NettyAcceptedSession session = new NettyAcceptedSession(core);
            Link link = new Link(channel, session, core);
            session.open(link, sessions.nextId());
            sessions.add(link);
            return link;
        }
    }

    @Override
    public SystemMessage activeMessage() {
        return SessionAccepted.INSTANCE;
    }

    @Override
    public void unbind(Link link) {
        sessions.remove(link);
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
        return sc != null && sc.isActive();
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

    /** An accepted connection's session: one link for life. */
    private static final class NettyAcceptedSession extends NettySession {
        NettyAcceptedSession(PeerCore core) {
            super(core);
        }

        void open(Link link, long id) {
            attach(link, id);
        }
    }
}
