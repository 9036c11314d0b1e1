package io.cellnet.netty.udp;

import io.cellnet.Address;
import io.cellnet.EventCallback;
import io.cellnet.EventQueue;
import io.cellnet.MessageRegistry;
import io.cellnet.ProcessorBundle;
import io.cellnet.proc.Processors;
import io.cellnet.timer.Scheduler;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The settings shared by the UDP peer builders.
 *
 * <p>Thread safety: not thread-safe; use a builder from one thread.
 *
 * @param <B> the concrete builder
 */
public abstract class UdpPeerBuilder<B extends UdpPeerBuilder<B>> {
    private final String typeName;
    private String name = "";
    private @Nullable String address;
    private EventQueue queue = EventQueue.direct();
    private MessageRegistry registry = MessageRegistry.global();
    private @Nullable ProcessorBundle bundle;
    private String processor = "udp.ltv";
    private EventCallback callback = EventCallback.NONE;
    private @Nullable EventLoopGroup group;
    private final Map<ChannelOption<?>, Object> channelOptions = new LinkedHashMap<>();
    private @Nullable Scheduler scheduler;
    long idBase = 1;

    UdpPeerBuilder(String typeName) {
        this.typeName = typeName;
    }

    @SuppressWarnings("unchecked")
    final B self() {
        return (B) this;
    }

    /** The peer's name for logs (Go's {@code SetName}); the type name by default. */
    public B name(String name) {
        this.name = Objects.requireNonNull(name, "name");
        return self();
    }

    /** The address, {@code host:port} or {@code udp://host:port} (Go's {@code SetAddress}). */
    public B address(String address) {
        parse(address);
        this.address = address;
        return self();
    }

    private static Address parse(String text) {
        Address a = Address.parse(text);
        if (!a.scheme().isEmpty() && !a.scheme().equals("udp")) {
            throw new IllegalArgumentException("invalid udp address '" + text + "': scheme must be udp or none");
        }
        if (a.isRange()) {
            throw new IllegalArgumentException("invalid udp address '" + text + "': port ranges are not supported");
        }
        return a;
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

    /** The processor by name ({@code "udp.ltv"} by default) and the user callback. */
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

    /** A ready bundle instead of a processor name; its transmitter must be {@link UdpTransmitter}. */
    public B bundle(ProcessorBundle bundle) {
        this.bundle = Objects.requireNonNull(bundle, "bundle");
        return self();
    }

    /** Runs the peer's socket on {@code group} (not shut down by the peer); a shared group by default. */
    public B eventLoopGroup(EventLoopGroup group) {
        this.group = Objects.requireNonNull(group, "group");
        return self();
    }

    /** Sets a Netty channel option on the peer's socket. */
    public <T> B option(ChannelOption<T> option, T value) {
        channelOptions.put(Objects.requireNonNull(option, "option"), Objects.requireNonNull(value, "value"));
        return self();
    }

    /**
     * The clock for timers (session expiry); the socket's event loop by default. Tests pass a
     * {@code ManualScheduler}.
     */
    public B scheduler(Scheduler scheduler) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        return self();
    }

    /** The first session id (Go's {@code SetIDBase}); 1 by default. */
    public B idBase(long idBase) {
        this.idBase = idBase;
        return self();
    }

    /** The settings, checked. */
    final UdpPeerConfig config() {
        if (address == null) {
            throw new IllegalStateException("address is required");
        }
        ProcessorBundle b = bundle != null ? bundle : Processors.bundle(processor, callback);
        UdpPeerBase.checkTransmitter(b);
        return new UdpPeerConfig(typeName, name.isEmpty() ? typeName : name, address, parse(address), queue, registry,
                b, group, Map.copyOf(channelOptions), scheduler);
    }
}
