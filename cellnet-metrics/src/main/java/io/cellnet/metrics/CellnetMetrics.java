package io.cellnet.metrics;

import io.cellnet.metrics.internal.MessageTypes;
import io.cellnet.metrics.internal.MetricsObserver;
import io.cellnet.observe.Observability;
import io.cellnet.observe.Observer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.netty4.NettyAllocatorMetrics;
import io.micrometer.core.instrument.binder.netty4.NettyEventExecutorMetrics;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufAllocatorMetricProvider;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.EventLoopGroup;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Micrometer meters for cellnet (the meters and their tags are listed in docs/metrics.md).
 *
 * <pre>{@code
 * MeterRegistry registry = ...;
 * AutoCloseable metrics = CellnetMetrics.bind(registry);          // every peer and queue built from now on
 * CellnetMetrics.bindNetty(registry, myEventLoopGroup);            // Netty's pending tasks and allocator memory
 *
 * // or one peer only, counting two message types by name:
 * Observer observer = CellnetMetrics.builder(registry).messageTypes(ChatREQ.class, ChatACK.class).build();
 * TcpPeers.acceptor().name("gate").address(":8801").observer(observer)...build();
 * }</pre>
 *
 * <p>Peers and queues ask for their observer once, when they are built: bind before building them.
 * Without this module nothing is observed and nothing costs.
 *
 * <p>Thread safety: stateless; every method may be called from any thread.
 */
public final class CellnetMetrics {
    private CellnetMetrics() {
    }

    /**
     * Counts everything built from now on in {@code registry}, no message type by name; closing the
     * result unbinds (what was built meanwhile keeps counting).
     */
    public static AutoCloseable bind(MeterRegistry registry) {
        return builder(registry).bind();
    }

    /** An observer counting in {@code registry}, for a builder's {@code observer(..)}. */
    public static Observer observer(MeterRegistry registry) {
        return builder(registry).build();
    }

    /** A builder of the observer counting in {@code registry}. */
    public static Builder builder(MeterRegistry registry) {
        return new Builder(Objects.requireNonNull(registry, "registry"));
    }

    /**
     * Binds Micrometer's Netty binders: the pending tasks of each event loop of {@code groups}
     * ({@code netty.eventexecutor.tasks.pending}) and the memory of Netty's default allocators
     * ({@code netty.allocator.*}).
     */
    public static void bindNetty(MeterRegistry registry, EventLoopGroup... groups) {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(groups, "groups");
        for (EventLoopGroup g : groups) {
            new NettyEventExecutorMetrics(Objects.requireNonNull(g, "group")).bindTo(registry);
        }
        Set<ByteBufAllocatorMetricProvider> allocators = new LinkedHashSet<>();
        allocators.add(PooledByteBufAllocator.DEFAULT);
        if (ByteBufAllocator.DEFAULT instanceof ByteBufAllocatorMetricProvider p) {
            allocators.add(p);
        }
        for (ByteBufAllocatorMetricProvider p : allocators) {
            new NettyAllocatorMetrics(p).bindTo(registry);
        }
    }

    /**
     * Makes the observer of a registry.
     *
     * <p>Thread safety: not thread-safe; use a builder from one thread.
     */
    public static final class Builder {
        /** How many queue tasks per timed one, unless set. */
        public static final int DEFAULT_QUEUE_TIMING_INTERVAL = 16;

        private final MeterRegistry registry;
        private final Set<Class<?>> messageTypes = new LinkedHashSet<>();
        private int queueTimingInterval = DEFAULT_QUEUE_TIMING_INTERVAL;

        Builder(MeterRegistry registry) {
            this.registry = registry;
        }

        /**
         * Counts these message types by name (tag {@code message}, the class's simple name) in
         * {@code cellnet.messages.received}, {@code cellnet.messages.sent}, {@code cellnet.rpc.calls}
         * and {@code cellnet.rpc.latency}; every other type counts as {@code other}. Keep the list
         * short: each type adds meters.
         */
        public Builder messageTypes(Class<?>... types) {
            Objects.requireNonNull(types, "types");
            for (Class<?> t : List.of(types)) {
                messageTypes.add(t);
            }
            return this;
        }

        /**
         * Times about one queue task in {@code interval} in {@code cellnet.queue.delay} and
         * {@code cellnet.queue.run} ({@value #DEFAULT_QUEUE_TIMING_INTERVAL} by default; 1 times every
         * task, at a cost the {@code bench} tool shows). The percentiles stay representative; the
         * timers' counts are about the tasks divided by the interval.
         */
        public Builder queueTimingInterval(int interval) {
            if (interval < 1) {
                throw new IllegalArgumentException("interval must be >= 1: " + interval);
            }
            this.queueTimingInterval = interval;
            return this;
        }

        /** The observer, for a builder's {@code observer(..)}. */
        public Observer build() {
            return new MetricsObserver(registry, new MessageTypes(messageTypes), queueTimingInterval);
        }

        /** Installs the observer globally (see {@link CellnetMetrics#bind}). */
        public AutoCloseable bind() {
            return Observability.install(build());
        }
    }
}
