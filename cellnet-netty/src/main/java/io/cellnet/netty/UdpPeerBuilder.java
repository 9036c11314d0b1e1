package io.cellnet.netty;

import io.cellnet.Address;
import io.cellnet.EventCallback;
import io.cellnet.EventQueue;
import io.cellnet.MessageRegistry;
import io.cellnet.ProcessorBundle;
import io.cellnet.netty.internal.udp.UdpPeerConfig;
import io.cellnet.timer.Scheduler;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The settings shared by the UDP peer builders: the common ones of {@link PeerBuilder} (processor
 * {@code udp.ltv} by default) plus the timer clock and the first session id.
 *
 * <p>Thread safety: not thread-safe; use a builder from one thread.
 *
 * @param <B> the concrete builder
 */
public abstract class UdpPeerBuilder<B extends UdpPeerBuilder<B>> implements PeerBuilder<B> {
    private final CommonSettings common;
    private @Nullable Scheduler scheduler;
    long idBase = 1;

    UdpPeerBuilder(String typeName) {
        this.common = new CommonSettings(typeName, "udp.ltv", UdpPeerBuilder::parse);
    }

    @Override
    public B name(String name) {
        common.name(name);
        return self();
    }

    @Override
    public B address(String address) {
        common.address(address);
        return self();
    }

    @Override
    public B queue(EventQueue queue) {
        common.queue(queue);
        return self();
    }

    @Override
    public B registry(MessageRegistry registry) {
        common.registry(registry);
        return self();
    }

    @Override
    public B processor(String processorName, EventCallback callback) {
        common.processor(processorName, callback);
        return self();
    }

    @Override
    public B callback(EventCallback callback) {
        common.callback(callback);
        return self();
    }

    @Override
    public B bundle(ProcessorBundle bundle) {
        common.bundle(bundle);
        return self();
    }

    @Override
    public B eventLoopGroup(EventLoopGroup group) {
        common.eventLoopGroup(group);
        return self();
    }

    @Override
    public <T> B option(ChannelOption<T> option, T value) {
        common.option(option, value);
        return self();
    }

    /** This builder as its concrete type. */
    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /** A udp address: {@code host:port} or {@code udp://host:port}, one port. */
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
        return new UdpPeerConfig(common.settings(), scheduler);
    }
}
