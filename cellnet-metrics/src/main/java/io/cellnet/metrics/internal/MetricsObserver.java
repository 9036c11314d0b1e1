package io.cellnet.metrics.internal;

import io.cellnet.observe.MeshObserver;
import io.cellnet.observe.Observer;
import io.cellnet.observe.PeerObserver;
import io.cellnet.observe.PeerTags;
import io.cellnet.observe.QueueObserver;
import io.cellnet.observe.QueueTags;
import io.cellnet.observe.RelayObserver;
import io.cellnet.observe.RpcObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link Observer} of one registry: peers with the same tags share their meters, each queue
 * name has its own, and RPC, relay and mesh have one set each.
 *
 * <p>Thread safety: every method may be called from any thread.
 */
public final class MetricsObserver implements Observer {
    private final MeterRegistry registry;
    private final MessageTypes types;
    private final Map<PeerTags, PeerMeters> peers = new ConcurrentHashMap<>();
    private final Map<String, QueueMeters> queues = new ConcurrentHashMap<>();
    private final RpcMeters rpc;
    private final RelayObserver relay;
    private final MeshMeters mesh;

    private final int queueTimingInterval;

    /**
     * An observer registering in {@code registry}, counting {@code types} by name, timing one queue
     * task in {@code queueTimingInterval}.
     */
    public MetricsObserver(MeterRegistry registry, MessageTypes types, int queueTimingInterval) {
        this.queueTimingInterval = queueTimingInterval;
        this.registry = Objects.requireNonNull(registry, "registry");
        this.types = Objects.requireNonNull(types, "types");
        this.rpc = new RpcMeters(registry, types);
        Counter relayed = Counter.builder("cellnet.relay.messages").description("relayed messages received")
                .register(registry);
        this.relay = new RelayObserver() {
            @Override
            public void relayed() {
                relayed.increment();
            }
        };
        this.mesh = new MeshMeters(registry);
    }

    /** The registry. */
    public MeterRegistry registry() {
        return registry;
    }

    @Override
    public PeerObserver peer(PeerTags tags) {
        return peers.computeIfAbsent(tags, t -> new PeerMeters(registry, t, types));
    }

    @Override
    public QueueObserver queue(QueueTags queue) {
        return queues.computeIfAbsent(queue.name(), n -> new QueueMeters(registry, queue, queueTimingInterval));
    }

    @Override
    public RpcObserver rpc() {
        return rpc;
    }

    @Override
    public RelayObserver relay() {
        return relay;
    }

    @Override
    public MeshObserver mesh() {
        return mesh;
    }

    @Override
    public String toString() {
        return "MetricsObserver(" + registry.getClass().getSimpleName() + ")";
    }
}
