package io.cellnet.netty;

import io.cellnet.TcpAcceptor;
import io.cellnet.netty.internal.AcceptorExtras;
import io.cellnet.netty.internal.ChannelKind;
import io.cellnet.netty.internal.Cidr;
import io.cellnet.netty.internal.ProxyProtocolSettings;
import io.cellnet.netty.internal.TcpPeerConfig;
import io.cellnet.netty.internal.stream.NettyTcpAcceptor;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@code tcp.Acceptor}.
 *
 * <pre>{@code
 * TcpAcceptor server = TcpPeers.acceptor()
 *     .name("gate").address("0.0.0.0:7000~7010").queue(queue)
 *     .callback(dispatcher)
 *     .build();
 * server.start().join();
 * }</pre>
 *
 * <p>Thread safety: not thread-safe; use from one thread. The built peer is thread-safe.
 */
public final class TcpAcceptorBuilder extends StreamPeerBuilder<TcpAcceptorBuilder> {
    /** The default listen backlog. */
    public static final int DEFAULT_BACKLOG = 1024;

    private long idBase = 1;
    private int backlog = DEFAULT_BACKLOG;
    private int maxSessions = Integer.MAX_VALUE;
    private int maxSessionsPerAddress = Integer.MAX_VALUE;
    private @Nullable ProxyProtocolSettings proxyProtocol;
    private final Map<ChannelOption<?>, Object> serverOptions = new LinkedHashMap<>();
    private @Nullable EventLoopGroup bossGroup;

    TcpAcceptorBuilder(String typeName, String defaultProcessor, ChannelKind kind) {
        super(typeName, defaultProcessor, kind);
    }

    /**
     * A builder for an acceptor of {@code typeName} on channels of {@code kind} (sockets, in-memory
     * channels, WebSocket). For the entry points of this package: users call
     * {@link TcpPeers#acceptor()} and the like.
     */
    static TcpAcceptorBuilder of(String typeName, String defaultProcessor, ChannelKind kind) {
        return new TcpAcceptorBuilder(typeName, defaultProcessor, kind);
    }

    /** The first session id (Go's {@code SetIDBase}); 1 by default. */
    public TcpAcceptorBuilder idBase(long idBase) {
        this.idBase = idBase;
        return this;
    }

    /** The listen backlog; {@link #DEFAULT_BACKLOG} by default. */
    public TcpAcceptorBuilder backlog(int backlog) {
        if (backlog <= 0) {
            throw new IllegalArgumentException("backlog must be > 0: " + backlog);
        }
        this.backlog = backlog;
        return this;
    }

    /**
     * At most {@code max} connections at a time; further ones are closed at once (before any
     * session or event), counted and logged at a
     * limited rate. Unlimited by default.
     */
    public TcpAcceptorBuilder maxSessions(int max) {
        this.maxSessions = positive(max);
        return this;
    }

    /** At most {@code max} connections from one remote IP address; unlimited by default. */
    public TcpAcceptorBuilder maxSessionsPerAddress(int max) {
        this.maxSessionsPerAddress = positive(max);
        return this;
    }

    private static int positive(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("limit must be > 0: " + n);
        }
        return n;
    }

    /**
     * Sets a Netty option on the listening (server) channel, as {@code ServerBootstrap.option}:
     * {@code SO_BACKLOG}, {@code SO_REUSEADDR} and the like, applied after cellnet's own. Options for
     * the accepted connections go to {@link #childOption}. (Before issue 20 this method set the
     * accepted channels' options: that call is now {@code childOption}.)
     */
    @Override
    public <T> TcpAcceptorBuilder option(ChannelOption<T> option, T value) {
        serverOptions.put(Objects.requireNonNull(option, "option"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /**
     * Sets a Netty option on every accepted channel, as {@code ServerBootstrap.childOption}, applied
     * after the socket options ({@code noDelay}, {@code socketBuffer}, ...) and so overriding them.
     */
    public <T> TcpAcceptorBuilder childOption(ChannelOption<T> option, T value) {
        return super.option(option, value);
    }

    /**
     * Runs the listening channel on {@code boss} and the accepted channels on {@code worker}, as
     * {@code ServerBootstrap.group(boss, worker)}; the acceptor shuts neither down.
     * {@link #eventLoopGroup(EventLoopGroup)} with one group uses it for both.
     */
    public TcpAcceptorBuilder eventLoopGroup(EventLoopGroup boss, EventLoopGroup worker) {
        this.bossGroup = Objects.requireNonNull(boss, "boss");
        return eventLoopGroup(Objects.requireNonNull(worker, "worker"));
    }

    /**
     * Reads the PROXY protocol header (HAProxy's v1 text or v2 binary, decoded by Netty's
     * codec-haproxy) that a load balancer in front of this acceptor (HAProxy, AWS NLB, a Kubernetes
     * ingress) puts at the start of each connection: the session's {@code remoteAddress()} is then
     * the real client's, and the header never reaches the callback. A header is honoured only from
     * the {@code trustedProxies} (IP addresses such as {@code "10.0.0.5"} or blocks such as
     * {@code "10.0.0.0/8"}; {@code "0.0.0.0/0"} and {@code "::/0"} trust every source): a
     * connection from anyone else that sends one is closed, since its client address would be
     * spoofed. A malformed header closes the connection, and so does a missing one with
     * {@link ProxyProtocol#REQUIRED}; each such close is logged at WARN (at a limited rate) with the
     * reason. The session starts after the header, and the TLS handshake or WebSocket upgrade
     * come after it on the wire. {@link ProxyProtocol#OFF} (the default) reads no header. TCP and
     * WebSocket acceptors only; {@code maxSessionsPerAddress} counts the socket's (the proxy's)
     * address.
     *
     * @throws IllegalArgumentException when a source is not an IP address or block, or none is
     *                                  given for {@code REQUIRED} or {@code OPTIONAL}
     */
    public TcpAcceptorBuilder proxyProtocol(ProxyProtocol mode, String... trustedProxies) {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(trustedProxies, "trustedProxies");
        List<Cidr> trusted = Arrays.stream(trustedProxies).map(t -> Cidr.parse(Objects.requireNonNull(t,
                "trustedProxies[]"))).toList();
        this.proxyProtocol = mode == ProxyProtocol.OFF ? null
                : new ProxyProtocolSettings(mode == ProxyProtocol.REQUIRED, trusted);
        return this;
    }

    /**
     * The listening channel class, for example {@code NioServerSocketChannel.class} or a native
     * transport's (io_uring, kqueue), as Netty's {@code ServerBootstrap.channel(..)}. It needs
     * {@link #eventLoopGroup} with a group of the same I/O type (checked by {@link #build()}; the
     * group is used for the listening channel and the accepted ones). Without it the class follows
     * the group: NIO or epoll. A TCP or WebSocket acceptor takes a {@code ServerSocketChannel}, an
     * in-memory one a {@code LocalServerChannel}.
     *
     * @throws IllegalArgumentException when the class is not of the transport's kind or Netty
     *                                  cannot instantiate it
     */
    public TcpAcceptorBuilder channelType(Class<? extends ServerChannel> type) {
        return channelClass(type, true);
    }

    /**
     * The acceptor, stopped.
     *
     * @throws IllegalStateException when the address is missing, a channel type was given
     *                               without an event loop group, or the PROXY protocol was asked of
     *                               an in-memory acceptor
     */
    public TcpAcceptor build() {
        TcpPeerConfig config = config();
        if (proxyProtocol != null && !config.kind().hasSocketOptions()) {
            throw new IllegalStateException("proxyProtocol(..) applies to TCP and WebSocket acceptors, not to "
                    + config.peer().typeName() + " (in-memory channels have no proxy in front)");
        }
        return new NettyTcpAcceptor(config, idBase, backlog, maxSessions, maxSessionsPerAddress,
                new AcceptorExtras(serverOptions, bossGroup, proxyProtocol));
    }
}
