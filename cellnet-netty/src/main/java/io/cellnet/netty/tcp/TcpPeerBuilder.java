package io.cellnet.netty.tcp;

import io.cellnet.EventCallback;
import io.cellnet.EventQueue;
import io.cellnet.MessageRegistry;
import io.cellnet.ProcessorBundle;
import io.cellnet.SlowConsumerPolicy;
import io.cellnet.TCPSocketOption;
import io.cellnet.proc.Processors;
import io.cellnet.netty.PipelineConfigurer;
import io.cellnet.netty.internal.ChannelKind;
import io.cellnet.netty.internal.OutboundLimits;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.ssl.SslContext;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The settings shared by the TCP peer builders, with Go's socket-option setter names.
 *
 * <p>Thread safety: not thread-safe; use a builder from one thread.
 *
 * @param <B> the concrete builder
 */
public abstract class TcpPeerBuilder<B extends TcpPeerBuilder<B>> implements TCPSocketOption.Builder<B> {
    /** The default {@link #closeTimeout(Duration)}. */
    public static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final String typeName;
    private final ChannelKind kind;
    private String name = "";
    private @Nullable String address;
    private EventQueue queue = EventQueue.direct();
    private MessageRegistry registry = MessageRegistry.global();
    private @Nullable ProcessorBundle bundle;
    private String processor;
    private EventCallback callback = EventCallback.NONE;
    private TcpOptions options = TcpOptions.DEFAULT;
    private Duration closeTimeout = DEFAULT_CLOSE_TIMEOUT;
    private @Nullable EventLoopGroup group;
    private final Map<ChannelOption<?>, Object> channelOptions = new LinkedHashMap<>();
    private @Nullable PipelineConfigurer configurer;
    private OutboundLimits outboundLimits = OutboundLimits.DEFAULT;
    private @Nullable SslContext sslContext;

    /**
     * A builder for peers of {@code typeName} on channels of {@code kind}, whose processor is
     * {@code defaultProcessor} unless set.
     */
    protected TcpPeerBuilder(String typeName, String defaultProcessor, ChannelKind kind) {
        this.typeName = Objects.requireNonNull(typeName, "typeName");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.processor = Objects.requireNonNull(defaultProcessor, "defaultProcessor");
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /** The peer's name for logs (Go's {@code SetName}). */
    public B name(String name) {
        this.name = Objects.requireNonNull(name, "name");
        return self();
    }

    /** The address, {@code host:port} or {@code host:min~max} (Go's {@code SetAddress}). */
    public B address(String address) {
        kind.parse(address);
        this.address = address;
        return self();
    }

    /** The queue the callback runs on; {@link EventQueue#direct()} (the default) runs it on the I/O thread. */
    public B queue(EventQueue queue) {
        this.queue = Objects.requireNonNull(queue, "queue");
        return self();
    }

    /** The message registry; {@link MessageRegistry#global()} by default. */
    public B registry(MessageRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
        return self();
    }

    /** The processor by name (the peer kind's default, {@code "tcp.ltv"} for TCP) and the user callback. */
    public B processor(String processorName, EventCallback callback) {
        this.processor = Objects.requireNonNull(processorName, "processorName");
        this.callback = Objects.requireNonNull(callback, "callback");
        this.bundle = null;
        return self();
    }

    /** The user callback, with the processor named so far ({@code "tcp.ltv"} by default). */
    public B callback(EventCallback callback) {
        return processor(processor, callback);
    }

    /** A ready bundle instead of a processor name. */
    public B bundle(ProcessorBundle bundle) {
        this.bundle = Objects.requireNonNull(bundle, "bundle");
        return self();
    }

    /** How long a graceful close waits for unwritten data; {@link #DEFAULT_CLOSE_TIMEOUT} by default. */
    public B closeTimeout(Duration timeout) {
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("close timeout must not be negative: " + timeout);
        }
        this.closeTimeout = timeout;
        return self();
    }

    /**
     * Runs the peer's channels on {@code group} (the peer does not shut it down). By default a group
     * shared by all peers of the kind is used, native epoll when available.
     */
    public B eventLoopGroup(EventLoopGroup group) {
        this.group = Objects.requireNonNull(group, "group");
        return self();
    }

    /** Sets a Netty channel option on the peer's connections (after the socket options above). */
    public <T> B option(ChannelOption<T> option, T value) {
        channelOptions.put(Objects.requireNonNull(option, "option"), Objects.requireNonNull(value, "value"));
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

    /** The settings, checked; the name defaults to the type name. */
    protected final TcpPeerConfig config() {
        if (address == null) {
            throw new IllegalStateException("address is required");
        }
        ProcessorBundle b = bundle != null ? bundle : Processors.bundle(processor, callback);
        return new TcpPeerConfig(typeName, name.isEmpty() ? typeName : name, address, kind.parse(address), queue,
                registry, b, options, closeTimeout, group, Map.copyOf(channelOptions), configurer, kind, outboundLimits,
                sslContext);
    }
}
