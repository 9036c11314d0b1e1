package io.cellnet.netty;

import io.cellnet.DisconnectedSendPolicy;
import io.cellnet.ReconnectPolicy;
import io.cellnet.TcpConnector;
import io.cellnet.netty.internal.ChannelKind;
import io.cellnet.netty.internal.stream.ConnectorOptions;
import io.cellnet.netty.internal.stream.NettySyncConnector;
import io.cellnet.netty.internal.stream.NettyTcpConnector;
import io.cellnet.timer.Scheduler;
import io.netty.channel.Channel;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@code tcp.Connector} or {@code tcp.SyncConnector}.
 *
 * <pre>{@code
 * TcpConnector client = TcpPeers.connector()
 *     .name("to-game").address("10.0.0.5:7000").queue(queue)
 *     .reconnect(ReconnectPolicy.exponential(Duration.ofMillis(100), Duration.ofSeconds(10), 0.2))
 *     .callback(dispatcher)
 *     .build();
 * client.start();
 * }</pre>
 *
 * <p>Thread safety: not thread-safe; use from one thread. The built peer is thread-safe.
 */
public final class TcpConnectorBuilder extends StreamPeerBuilder<TcpConnectorBuilder> {
    /** The default connect timeout. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final boolean sync;
    private ReconnectPolicy reconnect = ReconnectPolicy.none();
    private DisconnectedSendPolicy sendPolicy = DisconnectedSendPolicy.refuse();
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private @Nullable Scheduler scheduler;
    private long idBase = 1;

    TcpConnectorBuilder(String typeName, String defaultProcessor, ChannelKind kind, boolean sync) {
        super(typeName, defaultProcessor, kind);
        this.sync = sync;
    }

    /**
     * A builder for a connector of {@code typeName} on channels of {@code kind} (sockets, in-memory
     * channels, WebSocket); {@code sync} makes a connector whose {@code start()} waits for the
     * connection and which never reconnects. For the entry points of this package.
     */
    static TcpConnectorBuilder of(String typeName, String defaultProcessor, ChannelKind kind, boolean sync) {
        return new TcpConnectorBuilder(typeName, defaultProcessor, kind, sync);
    }

    /** When to reconnect; {@link ReconnectPolicy#none()} by default, as Go. Ignored by a sync connector. */
    public TcpConnectorBuilder reconnect(ReconnectPolicy policy) {
        this.reconnect = Objects.requireNonNull(policy, "policy");
        return this;
    }

    /** Go's {@code SetReconnectDuration}: a fixed delay, zero for none. */
    public TcpConnectorBuilder reconnectDuration(Duration delay) {
        return reconnect(ReconnectPolicy.fixed(delay));
    }

    /** What {@code send} does without a connection; {@link DisconnectedSendPolicy#refuse()} by default. */
    public TcpConnectorBuilder disconnectedSendPolicy(DisconnectedSendPolicy policy) {
        this.sendPolicy = Objects.requireNonNull(policy, "policy");
        return this;
    }

    /** How long one connection attempt may take; {@link #DEFAULT_CONNECT_TIMEOUT} by default. */
    public TcpConnectorBuilder connectTimeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("connect timeout must be positive: " + timeout);
        }
        this.connectTimeout = timeout;
        return this;
    }

    /**
     * The clock for reconnect delays; the event loop's own by default. Tests pass a
     * {@code ManualScheduler} to control reconnects without waiting.
     */
    public TcpConnectorBuilder scheduler(Scheduler scheduler) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        return this;
    }

    /** The first session id; each connection takes the next one. 1 by default. */
    public TcpConnectorBuilder idBase(long idBase) {
        this.idBase = idBase;
        return this;
    }

    /**
     * The channel class, for example {@code NioSocketChannel.class} or a native transport's
     * (io_uring, kqueue), as Netty's {@code Bootstrap.channel(..)}. It needs {@link #eventLoopGroup}
     * with a group of the same I/O type (checked by {@link #build()}). Without it the class follows
     * the group: NIO or epoll. A TCP or WebSocket connector takes a {@code SocketChannel}, an
     * in-memory one a {@code LocalChannel}.
     *
     * @throws IllegalArgumentException when the class is not of the transport's kind or Netty
     *                                  cannot instantiate it
     */
    public TcpConnectorBuilder channelType(Class<? extends Channel> type) {
        return channelClass(type, false);
    }

    /**
     * The connector, stopped.
     *
     * @throws IllegalStateException when the address is missing, or a channel type was given
     *                               without an event loop group
     */
    public TcpConnector build() {
        ConnectorOptions options = new ConnectorOptions(reconnect, sendPolicy, connectTimeout, scheduler, idBase);
        return sync ? new NettySyncConnector(config(), options) : new NettyTcpConnector(config(), options);
    }
}
