package io.cellnet.mesh;

import io.cellnet.ContextKey;
import io.cellnet.EventCallback;
import io.cellnet.EventQueue;
import io.cellnet.MessageRegistry;
import io.cellnet.Peer;
import io.cellnet.ReconnectPolicy;
import io.cellnet.Session;
import io.cellnet.TcpConnector;
import io.cellnet.netty.TcpConnectorBuilder;
import io.cellnet.netty.TcpPeers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One reconnecting {@code tcp.Connector} per discovered instance of a service (cellmesh's
 * {@code MultiPeer}), added when an instance appears and closed when it is removed (cellmesh keeps
 * redialling dead instances forever), all on the caller's queue. {@link #pick} chooses a connected
 * instance with the {@link SelectionPolicy}; existing RPC works over the session it returns:
 * {@code Rpc.call(connectors.pick(null), req, timeout)} calls "some instance of service X".
 *
 * <p>Every connector shares the registry and callback given to the builder; its session's peer
 * carries the instance id ({@link #instanceOf(Session)}).
 *
 * <p>Thread safety: every method may be called from any thread; connectors are added and removed
 * on the queue, in the order discovery reported the changes.
 */
public final class ServiceConnectors implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ServiceConnectors.class);
    /** The instance id carried by each connector (the peer's context). */
    private static final ContextKey<ServiceId> INSTANCE = ContextKey.of("cellnet.mesh.instance", ServiceId.class);

    private final String service;
    private final Builder settings;
    private final Map<ServiceId, Entry> entries = new ConcurrentHashMap<>();
    private final Watch watch;

    private record Entry(ServiceInstance instance, TcpConnector connector) {
    }

    private ServiceConnectors(Builder b) {
        this.service = b.service;
        this.settings = b;
        this.watch = b.discovery.watch(service, b.queue, this::onEvent);
    }

    /** A builder of connectors to every instance of {@code service} found in {@code discovery}. */
    public static Builder builder(Discovery discovery, String service) {
        return new Builder(discovery, service);
    }

    /** The id of the instance whose connector owns {@code session}, or {@code null}. */
    public static @Nullable ServiceId instanceOf(Session session) {
        Objects.requireNonNull(session, "session");
        Peer peer = session.peer();
        return peer instanceof io.cellnet.ContextSet c ? c.getContext(INSTANCE) : null;
    }

    private void onEvent(ServiceEvent ev) {
        ServiceInstance i = ev.instance();
        if (settings.group != null && !settings.group.equals(i.id().group())) {
            return;
        }
        switch (ev.kind()) {
            case ADDED, UPDATED -> {
                Entry old = entries.get(i.id());
                if (old != null && old.instance.address().equals(i.address())) {
                    entries.put(i.id(), new Entry(i, old.connector));
                    return;
                }
                if (old != null) {
                    old.connector.close();
                }
                entries.put(i.id(), new Entry(i, connect(i)));
            }
            case REMOVED -> {
                Entry old = entries.remove(i.id());
                if (old != null) {
                    log.info("{}: instance {} removed, closing its connector", service, i.id());
                    old.connector.close();
                }
            }
        }
        settings.listener.accept(ev);
    }

    private TcpConnector connect(ServiceInstance i) {
        TcpConnectorBuilder b = TcpPeers.connector().name(service + "->" + i.id()).address(i.address())
                .queue(settings.queue).registry(settings.registry).reconnect(settings.reconnect)
                .callback(settings.callback);
        settings.configure.accept(b);
        TcpConnector c = b.build();
        c.setContext(INSTANCE, i.id());
        c.start();
        return c;
    }

    /** The instances known now, in id order (connected or not). */
    public List<ServiceInstance> instances() {
        List<ServiceInstance> list = new ArrayList<>();
        entries.values().forEach(e -> list.add(e.instance));
        list.sort(ServiceBook.ORDER);
        return list;
    }

    /** The instances whose connector is connected now, in id order. */
    public List<ServiceInstance> connected() {
        List<ServiceInstance> live = new ArrayList<>();
        for (ServiceInstance i : instances()) {
            Entry e = entries.get(i.id());
            if (e != null && e.connector.session().isOpen()) {
                live.add(e.instance);
            }
        }
        return live;
    }

    /** The session of instance {@code id}'s connector, or {@code null} when there is none. */
    public @Nullable Session session(ServiceId id) {
        Objects.requireNonNull(id, "id");
        Entry e = entries.get(id);
        return e == null ? null : e.connector.session();
    }

    /**
     * The session of a connected instance chosen by the policy (for {@code key}, when it uses one),
     * or {@code null} when no instance is connected.
     */
    public @Nullable Session pick(@Nullable Object key) {
        List<ServiceInstance> live = connected();
        if (live.isEmpty()) {
            return null;
        }
        return session(settings.policy.select(live, key).id());
    }

    /** Stops watching and closes every connector. */
    @Override
    public void close() {
        watch.close();
        entries.values().forEach(e -> e.connector.close());
        entries.clear();
    }

    @Override
    public String toString() {
        return "ServiceConnectors{" + service + ", " + entries.keySet() + "}";
    }

    /**
     * Settings of {@link ServiceConnectors}.
     *
     * <p>Thread safety: not thread-safe; use from one thread, then {@link #start()}.
     */
    public static final class Builder {
        private final Discovery discovery;
        private final String service;
        private EventQueue queue = EventQueue.direct();
        private MessageRegistry registry = MessageRegistry.global();
        private EventCallback callback = EventCallback.NONE;
        private SelectionPolicy policy = SelectionPolicy.roundRobin();
        private ReconnectPolicy reconnect = ReconnectPolicy.fixed(Duration.ofSeconds(1));
        private Consumer<TcpConnectorBuilder> configure = b -> { };
        private Consumer<ServiceEvent> listener = ev -> { };
        private @Nullable String group;

        private Builder(Discovery discovery, String service) {
            this.discovery = Objects.requireNonNull(discovery, "discovery");
            ServiceId.checkPart(service, "service");
            this.service = service;
        }

        /** The queue of every connector and of the discovery events (required in practice). */
        public Builder queue(EventQueue queue) {
            this.queue = Objects.requireNonNull(queue, "queue");
            return this;
        }

        /** The registry of every connector. */
        public Builder registry(MessageRegistry registry) {
            this.registry = Objects.requireNonNull(registry, "registry");
            return this;
        }

        /** The {@code tcp.ltv} callback of every connector. */
        public Builder callback(EventCallback callback) {
            this.callback = Objects.requireNonNull(callback, "callback");
            return this;
        }

        /** How {@link #pick} chooses (default round-robin). */
        public Builder policy(SelectionPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** How each connector redials (default every second). */
        public Builder reconnect(ReconnectPolicy reconnect) {
            this.reconnect = Objects.requireNonNull(reconnect, "reconnect");
            return this;
        }

        /** Only instances of this group (cellmesh's {@code -linkrule} with one group). */
        public Builder group(String group) {
            ServiceId.checkPart(group, "group");
            this.group = group;
            return this;
        }

        /** More settings of each connector (a bundle with hookers, socket options...), applied last. */
        public Builder configure(Consumer<TcpConnectorBuilder> configure) {
            this.configure = Objects.requireNonNull(configure, "configure");
            return this;
        }

        /** Also told every discovery change, on the queue, after the connectors changed. */
        public Builder listener(Consumer<ServiceEvent> listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** Starts watching the service and connecting to its instances. */
        public ServiceConnectors start() {
            return new ServiceConnectors(this);
        }
    }
}
