package io.cellnet.netty;

import io.cellnet.Address;
import io.cellnet.EventCallback;
import io.cellnet.EventQueue;
import io.cellnet.MessageRegistry;
import io.cellnet.ProcessorBundle;
import io.cellnet.netty.internal.PeerSettings;
import io.cellnet.observe.Observability;
import io.cellnet.observe.Observer;
import io.cellnet.proc.Processors;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The settings every peer builder has: name, address, queue, registry, processor and callback,
 * event loop group and channel options. Transport builders add their own; only this module's
 * builders extend it (as Netty's bootstraps extend {@code AbstractBootstrap}).
 *
 * <p>Thread safety: not thread-safe; use a builder from one thread.
 *
 * @param <B> the concrete builder
 */
public abstract class PeerBuilder<B extends PeerBuilder<B>> {
    private final String typeName;
    private final Function<String, Address> addressParser;
    private String name = "";
    private @Nullable String address;
    private EventQueue queue = EventQueue.direct();
    private MessageRegistry registry = MessageRegistry.global();
    private @Nullable ProcessorBundle bundle;
    private String processor;
    private EventCallback callback = EventCallback.NONE;
    private @Nullable EventLoopGroup group;
    private final Map<ChannelOption<?>, Object> channelOptions = new LinkedHashMap<>();
    private @Nullable Observer observer;

    /**
     * A builder of peers of {@code typeName}, whose processor is {@code defaultProcessor} unless
     * set, and whose addresses {@code addressParser} checks (throwing IllegalArgumentException).
     */
    PeerBuilder(String typeName, String defaultProcessor, Function<String, Address> addressParser) {
        this.typeName = Objects.requireNonNull(typeName, "typeName");
        this.processor = Objects.requireNonNull(defaultProcessor, "defaultProcessor");
        this.addressParser = Objects.requireNonNull(addressParser, "addressParser");
    }

    /** The peer's name for logs (Go's {@code SetName}); the type name by default. */
    public B name(String name) {
        this.name = Objects.requireNonNull(name, "name");
        return self();
    }

    /** The address (Go's {@code SetAddress}); checked at once. */
    public B address(String address) {
        Objects.requireNonNull(address, "address");
        addressParser.apply(address);
        this.address = address;
        return self();
    }

    /**
     * The queue the callback runs on; {@link EventQueue#direct()} (the default) runs it on the I/O
     * thread. A {@link LoopEventQueue} ({@link NettyQueues#loop}) also runs the peer's channels on
     * its event loop, so that I/O and callbacks share one thread, unless
     * {@link #eventLoopGroup(EventLoopGroup)} names another group or the peer's channels cannot run
     * on a socket event loop (in-memory peers); the queue then receives the events as any other.
     */
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

    /** The user callback, with the processor named so far. */
    public B callback(EventCallback callback) {
        return processor(processor, callback);
    }

    /** A ready bundle instead of a processor name. */
    public B bundle(ProcessorBundle bundle) {
        this.bundle = Objects.requireNonNull(bundle, "bundle");
        return self();
    }

    /**
     * Runs the peer's channels on {@code group} (the peer does not shut it down). By default a group
     * shared by all peers of the kind is used, native epoll when available. The channel class
     * follows the group (NIO or epoll); for another I/O type, acceptor and connector builders take
     * it with {@code channelType(..)}. Given with a {@link LoopEventQueue}, this group wins: the
     * channels run here and hand their events to the queue's thread.
     */
    public B eventLoopGroup(EventLoopGroup group) {
        this.group = Objects.requireNonNull(group, "group");
        return self();
    }

    /** Sets a Netty channel option on the peer's channels (after the transport's own options). */
    public <T> B option(ChannelOption<T> option, T value) {
        channelOptions.put(Objects.requireNonNull(option, "option"), Objects.requireNonNull(value, "value"));
        return self();
    }

    /**
     * Reports the peer's sessions and traffic to {@code observer} (for example
     * {@code CellnetMetrics.observer(registry)} of cellnet-metrics) instead of the global one
     * ({@code Observability.current()} when the peer is built, a no-op unless one is installed).
     */
    public B observer(Observer observer) {
        this.observer = Objects.requireNonNull(observer, "observer");
        return self();
    }

    /** This builder as its concrete type. */
    @SuppressWarnings("unchecked")
    final B self() {
        return (B) this;
    }

    /** {@code true} when the peer's channels can run on a socket event loop, so on a loop queue's. */
    boolean runsOnSocketLoops() {
        return true;
    }

    /** The common settings, checked. */
    final PeerSettings settings() {
        if (address == null) {
            throw new IllegalStateException("address is required");
        }
        ProcessorBundle b = bundle != null ? bundle : Processors.bundle(processor, callback);
        EventLoopGroup g = group;
        if (g == null && queue instanceof LoopEventQueue loop && runsOnSocketLoops()) {
            g = loop.eventLoop();
        }
        return new PeerSettings(typeName, name.isEmpty() ? typeName : name, address, addressParser.apply(address), queue,
                registry, b, g, channelOptions, observer != null ? observer : Observability.current());
    }
}
