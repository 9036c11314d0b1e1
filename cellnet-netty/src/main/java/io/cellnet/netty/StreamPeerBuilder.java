package io.cellnet.netty;

import io.cellnet.Address;
import io.cellnet.SlowConsumerPolicy;
import io.cellnet.TcpSocketOptions;
import io.cellnet.netty.internal.ChannelKind;
import io.cellnet.netty.internal.OutboundLimits;
import io.cellnet.netty.internal.PeerSettings;
import io.cellnet.netty.internal.StreamBuilderAccess;
import io.cellnet.netty.internal.TcpOptions;
import io.cellnet.netty.internal.TcpPeerConfig;
import io.netty.channel.Channel;
import io.netty.handler.ssl.SslContext;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The settings shared by the stream peer builders (TCP, in-memory, WebSocket): the common ones of
 * {@link PeerBuilder} plus socket options with Go's setter names, close timeout, outbound bound,
 * TLS and the pipeline hook.
 *
 * <p>Thread safety: not thread-safe; use a builder from one thread.
 *
 * @param <B> the concrete builder
 */
public abstract class StreamPeerBuilder<B extends StreamPeerBuilder<B>> extends PeerBuilder<B>
        implements TcpSocketOptions.Builder<B> {
    /** The default {@link #closeTimeout(Duration)}. */
    public static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(5);

    static {
        StreamBuilderAccess.install((builder, kind) -> ((StreamPeerBuilder<?>) builder).config(kind));
    }

    private final @Nullable ChannelKind kind;
    private TcpOptions options = TcpOptions.DEFAULT;
    private Duration closeTimeout = DEFAULT_CLOSE_TIMEOUT;
    private @Nullable PipelineConfigurer configurer;
    private OutboundLimits outboundLimits = OutboundLimits.DEFAULT;
    private @Nullable SslContext sslContext;
    private @Nullable Class<? extends Channel> channelType;

    /**
     * A builder for peers of {@code typeName} on channels of {@code kind}, whose processor is
     * {@code defaultProcessor} unless set.
     */
    StreamPeerBuilder(String typeName, String defaultProcessor, ChannelKind kind) {
        super(typeName, defaultProcessor, kind::parse);
        this.kind = kind;
    }

    /**
     * A builder for stream peers that make their own channels, such as the testing kit's embedded
     * peer: {@code typeName}, {@code defaultProcessor} unless set, addresses checked by
     * {@code addressParser}. Such a builder takes no {@code channelType(..)}; the module that owns
     * the peer reads its settings.
     */
    protected StreamPeerBuilder(String typeName, String defaultProcessor, Function<String, Address> addressParser) {
        super(typeName, defaultProcessor, addressParser);
        this.kind = null;
    }

    /** How long a graceful close waits for unwritten data; {@link #DEFAULT_CLOSE_TIMEOUT} by default. */
    public B closeTimeout(Duration timeout) {
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("close timeout must not be negative: " + timeout);
        }
        this.closeTimeout = timeout;
        return self();
    }

    /** Adds user handlers ahead of cellnet's handlers on every channel. */
    public B pipeline(PipelineConfigurer configurer) {
        this.configurer = Objects.requireNonNull(configurer, "configurer");
        return self();
    }

    /**
     * Bounds each session's unwritten bytes: above {@code highWatermark} the {@code policy} applies
     * until the backlog drains below {@code lowWatermark}. Default 2 MiB / 4 MiB,
     * {@link SlowConsumerPolicy#REFUSE}.
     */
    public B outboundLimit(int lowWatermark, int highWatermark, SlowConsumerPolicy policy) {
        this.outboundLimits = new OutboundLimits(lowWatermark, highWatermark, policy);
        return self();
    }

    /**
     * Runs every connection over TLS with {@code context} (a server context for an acceptor, a
     * client context for a connector). The session starts only once the handshake has succeeded:
     * a peer that fails it gets no session and no message through. Require client certificates on
     * the server context ({@code ClientAuth.REQUIRE}) for mutual TLS.
     */
    public B ssl(SslContext context) {
        this.sslContext = Objects.requireNonNull(context, "context");
        return self();
    }

    /**
     * For the acceptor and connector builders' {@code channelType(..)}: the user's channel class,
     * which must extend the transport's {@code server} or client channel type and have a public
     * no-argument constructor (Netty makes channels reflectively).
     */
    final B channelClass(Class<? extends Channel> type, boolean server) {
        Objects.requireNonNull(type, "type");
        ChannelKind kind = Objects.requireNonNull(this.kind, "a builder of peers that make their own channels");
        Class<? extends Channel> base = server ? kind.classes().serverBase() : kind.classes().clientBase();
        if (!base.isAssignableFrom(type)) {
            throw new IllegalArgumentException("channel type " + type.getName() + " is not a " + base.getName()
                    + ", which this peer's transport runs on");
        }
        if (Modifier.isAbstract(type.getModifiers())) {
            throw new IllegalArgumentException("channel type " + type.getName() + " is abstract");
        }
        try {
            type.getConstructor();
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException("channel type " + type.getName()
                    + " has no public no-argument constructor", e);
        }
        this.channelType = type;
        return self();
    }

    @Override
    public B socketBuffer(int readBufferSize, int writeBufferSize, boolean noDelay) {
        options = new TcpOptions(readBufferSize, writeBufferSize, noDelay, options.keepAlive(), options.maxPacketSize(),
                options.readIdleTimeout(), options.writeIdleTimeout());
        return self();
    }

    @Override
    public B noDelay(boolean noDelay) {
        return socketBuffer(options.readBufferSize(), options.writeBufferSize(), noDelay);
    }

    @Override
    public B keepAlive(boolean keepAlive) {
        options = new TcpOptions(options.readBufferSize(), options.writeBufferSize(), options.noDelay(), keepAlive,
                options.maxPacketSize(), options.readIdleTimeout(), options.writeIdleTimeout());
        return self();
    }

    @Override
    public B maxPacketSize(int maxPacketSize) {
        options = new TcpOptions(options.readBufferSize(), options.writeBufferSize(), options.noDelay(),
                options.keepAlive(), maxPacketSize, options.readIdleTimeout(), options.writeIdleTimeout());
        return self();
    }

    @Override
    public B socketDeadline(Duration readIdleTimeout, Duration writeIdleTimeout) {
        options = new TcpOptions(options.readBufferSize(), options.writeBufferSize(), options.noDelay(),
                options.keepAlive(), options.maxPacketSize(), readIdleTimeout, writeIdleTimeout);
        return self();
    }

    @Override
    boolean runsOnSocketLoops() {
        return kind != null && kind.runsOnSocketLoops();
    }

    /** The settings, checked. */
    final TcpPeerConfig config() {
        return config(Objects.requireNonNull(kind, "kind"));
    }

    /** The settings, checked, for channels of {@code kind}. */
    private TcpPeerConfig config(ChannelKind kind) {
        PeerSettings settings = settings();
        if (channelType != null && settings.group() == null) {
            throw new IllegalStateException("channelType(" + channelType.getSimpleName()
                    + ") needs eventLoopGroup(..): a channel class runs only on a group of its own I/O type,"
                    + " and the shared groups come with their own channel class");
        }
        if (channelType == null && settings.group() != null) {
            // refuses, here rather than at start, a group whose channel class cannot be derived
            kind.classes().clientType(settings.group());
        }
        return new TcpPeerConfig(settings, options, closeTimeout, configurer == null ? null : configurer::configure, kind, outboundLimits, sslContext,
                channelType);
    }
}
