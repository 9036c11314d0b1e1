package io.cellnet.mesh.gateway;

import io.cellnet.ContextKey;
import io.cellnet.DrainHook;
import io.cellnet.DrainResult;
import io.cellnet.EventQueue;
import io.cellnet.MessageRegistry;
import io.cellnet.RawPacket;
import io.cellnet.RecvMsgEvent;
import io.cellnet.SendResult;
import io.cellnet.Session;
import io.cellnet.SessionAccepted;
import io.cellnet.SessionClosed;
import io.cellnet.TcpAcceptor;
import io.cellnet.mesh.Discovery;
import io.cellnet.mesh.SelectionPolicy;
import io.cellnet.mesh.ServiceConnectors;
import io.cellnet.mesh.ServiceEvent;
import io.cellnet.mesh.ServiceEventKind;
import io.cellnet.mesh.ServiceId;
import io.cellnet.mesh.Watch;
import io.cellnet.netty.TcpAcceptorBuilder;
import io.cellnet.netty.TcpConnectorBuilder;
import io.cellnet.netty.TcpPeers;
import io.cellnet.netty.WsPeers;
import io.cellnet.netty.codec.protoplus.ProtoplusCodec;
import io.cellnet.observe.MeshObserver;
import io.cellnet.observe.Observability;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway, cellmesh's agent: accepts clients on {@code tcp.ltv} (and {@code ws.ltv} when given
 * a WebSocket address), routes each client message by its id to a backend service per the
 * {@link RouteTable} (from code, or from a discovery key, reloaded when the key changes), binds each
 * client to one instance per service (sticky, chosen by the {@link SelectionPolicy}, by default a
 * consistent hash of the client id) and forwards the frame <b>without decoding it</b>, in a
 * {@link TransmitACK} tagged with the client id. What backends send back ({@link GatewayLink}) goes
 * to one client, a list or every client, the same bytes written to each. Clients never learn
 * backend addresses.
 *
 * <p>Failures are never silent: a message without a route, or for a service with no live instance,
 * is answered with a {@link RouteErrorACK}; when a backend instance dies, each request in flight to
 * it ({@link RouteMode#REQUEST}) is answered with a {@link RouteErrorACK}, the client stays
 * connected and its next message binds it to another instance ({@link Failover}). A backend is told
 * when a client binds to it ({@link ClientConnectedACK}) and when that client disconnects
 * ({@link ClientClosedACK}).
 *
 * <p>Give it a loop queue ({@code NettyQueues.loop("gateway")}) to forward with no hand-off: its
 * client acceptors and backend connectors then do their I/O on the queue's thread, so a frame is
 * read, routed and written by one thread, and the writes of one read are flushed together. A
 * queue thread ({@code EventQueue.create}) works too, at the price of a hand-off each way.
 *
 * <p>Before a deploy, {@link #drain} takes the gateway out of rotation without dropping anyone: the
 * client listeners close, the connected clients get a deadline to leave, and their requests are
 * still routed and answered meanwhile.
 *
 * <p>Thread safety: routing runs on the gateway's queue; the accessors, {@link #drain} and
 * {@link #close()} may be called from any thread.
 */
public final class Gateway implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Gateway.class);
    private static final ContextKey<ClientState> CLIENT = ContextKey.of("cellnet.mesh.gateway.client", ClientState.class);
    private static final long[] NONE = new long[0];
    private static final int ROUTE_ERROR_ID = MeshMessages.all().stream()
            .filter(m -> m.type() == RouteErrorACK.class).findFirst().orElseThrow().id();

    private final Builder settings;
    private final String gatewayId;
    private final MessageRegistry backendRegistry;
    private final TcpAcceptor tcp;
    private final @Nullable TcpAcceptor ws;
    private final Map<Long, ClientState> clients = new ConcurrentHashMap<>();
    private final Map<String, ServiceConnectors> services = new ConcurrentHashMap<>();
    private final AtomicLong clientIds = new AtomicLong();
    private final MeshObserver meshObserver = Observability.current().mesh();
    private volatile RouteTable table;
    private volatile @Nullable Watch routeWatch;

    private Gateway(Builder b) {
        this.settings = b;
        this.gatewayId = b.id.toString();
        this.table = b.routes;
        this.backendRegistry = MeshMessages.register(MessageRegistry.create());
        // The client side knows no message: every frame arrives as a RawPacket and is forwarded as is.
        MessageRegistry clientRegistry = MessageRegistry.create().deliverUnknownAsRaw(true);
        this.tcp = b.clientSide.apply(TcpPeers.acceptor()).name("gateway " + gatewayId).address(b.address)
                .queue(b.queue).registry(clientRegistry).callback(this::onClient).build();
        this.ws = b.wsAddress == null ? null : b.clientSide.apply(WsPeers.acceptor()).name("gateway-ws " + gatewayId)
                .address(b.wsAddress).queue(b.queue).registry(clientRegistry).callback(this::onClient).build();
    }

    /** A builder of a gateway that finds backends in {@code discovery} and runs on {@code queue}. */
    public static Builder builder(Discovery discovery, EventQueue queue) {
        return new Builder(discovery, queue);
    }

    private void start() {
        ensureConnectors(table);
        tcp.start().join();
        if (ws != null) {
            ws.start().join();
        }
        if (settings.routesKey != null) {
            routeWatch = settings.discovery.kvWatch(settings.routesKey, settings.queue, ev -> {
                if (ev.value() == null) {
                    log.warn("gateway {}: route table key {} deleted; keeping the current table", gatewayId, ev.key());
                    return;
                }
                try {
                    RouteTable t = RouteTable.parse(ev.value());
                    ensureConnectors(t);
                    table = t;
                    log.info("gateway {}: route table reloaded from {}: {} rules", gatewayId, ev.key(), t.rules().size());
                } catch (IllegalArgumentException e) {
                    log.error("gateway {}: bad route table under {}; keeping the current one: {}", gatewayId, ev.key(),
                            e.getMessage());
                }
            });
        }
    }

    /** Makes sure every service of {@code t} has its connectors. */
    private void ensureConnectors(RouteTable t) {
        for (String service : t.services()) {
            services.computeIfAbsent(service, s -> ServiceConnectors.builder(settings.discovery, s).queue(settings.queue)
                    .registry(backendRegistry).policy(settings.policy).callback(this::onBackend)
                    .configure(settings.backendSide).listener(this::onDiscovery).start());
        }
    }

    // ---- clients ------------------------------------------------------------------------------

    private void onClient(RecvMsgEvent ev) {
        Object m = ev.message();
        if (m instanceof SessionAccepted) {
            ClientState c = new ClientState(clientIds.incrementAndGet(), ev.session());
            ev.session().setContext(CLIENT, c);
            clients.put(c.id, c);
            return;
        }
        ClientState c = ev.session().getContext(CLIENT);
        if (c == null) {
            return;
        }
        if (m instanceof SessionClosed) {
            clients.remove(c.id);
            for (ServiceId id : c.boundInstances()) {
                Session backend = backend(id);
                if (backend != null) {
                    backend.send(new ClientClosedACK(new ClientID(c.id, gatewayId)));
                }
            }
        } else if (m instanceof RawPacket raw) {
            route(c, raw);
        }
    }

    private void route(ClientState c, RawPacket raw) {
        RouteRule rule = table.route(raw.msgId());
        if (rule == null) {
            error(c, raw.msgId(), "", "no route for message id " + raw.msgId());
            return;
        }
        String service = rule.service();
        Session backend = c.lastBackend(service);
        ServiceId bound = backend == null ? null : c.lastBound();
        if (backend == null || bound == null) {
            bound = c.bound(service);
            backend = bound == null ? null : backend(bound);
            if (bound != null && (backend == null || !backend.isOpen())) {
                lost(c, bound);
                backend = null;
            }
            if (backend == null) {
                ServiceConnectors sc = services.get(service);
                backend = sc == null ? null : sc.pick(c.id);
                bound = backend == null ? null : ServiceConnectors.instanceOf(backend);
                if (backend == null || bound == null) {
                    error(c, raw.msgId(), service, "no live instance of service " + service);
                    return;
                }
                c.bind(service, bound);
                backend.send(new ClientConnectedACK(new ClientID(c.id, gatewayId)));
            }
            c.remember(service, bound, backend);
        }
        SendResult r = backend.send(new TransmitACK(raw.msgId(), raw.msgData(), c.id, NONE, false));
        if (!r.isAccepted()) {
            error(c, raw.msgId(), service, "backend " + bound + " refused the message: " + r);
        } else if (rule.mode() == RouteMode.REQUEST) {
            c.addPending(bound, raw.msgId());
        }
    }

    private @Nullable Session backend(ServiceId id) {
        ServiceConnectors sc = services.get(id.name());
        return sc == null ? null : sc.session(id);
    }

    private void error(ClientState c, int msgId, String service, String reason) {
        log.debug("gateway {}: client {}: {}", gatewayId, c.id, reason);
        meshObserver.routingFailed(service);
        c.session.send(new RawPacket(ROUTE_ERROR_ID,
                ProtoplusCodec.INSTANCE.encode(new RouteErrorACK(msgId, service, reason))));
    }

    // ---- backends -----------------------------------------------------------------------------

    private void onBackend(RecvMsgEvent ev) {
        ServiceId from = ServiceConnectors.instanceOf(ev.session());
        Object m = ev.message();
        if (m instanceof TransmitACK t) {
            deliver(from, t);
        } else if (m instanceof CloseClientACK cc) {
            List<ClientState> targets = new ArrayList<>();
            if (cc.All()) {
                targets.addAll(clients.values());
            } else {
                for (long id : cc.ID()) {
                    ClientState c = clients.get(id);
                    if (c != null) {
                        targets.add(c);
                    }
                }
            }
            targets.forEach(c -> c.session.close());
        } else if (m instanceof SessionClosed && from != null) {
            settings.backendListener.accept(from, BackendChange.DISCONNECTED);
            backendLost(from);
        } else if (m instanceof io.cellnet.SessionConnected && from != null) {
            settings.backendListener.accept(from, BackendChange.CONNECTED);
        }
    }

    private void onDiscovery(ServiceEvent ev) {
        if (ev.kind() == ServiceEventKind.REMOVED) {
            settings.backendListener.accept(ev.instance().id(), BackendChange.REMOVED);
            backendLost(ev.instance().id());
        } else if (ev.kind() == ServiceEventKind.ADDED) {
            settings.backendListener.accept(ev.instance().id(), BackendChange.DISCOVERED);
        }
    }

    private void deliver(@Nullable ServiceId from, TransmitACK t) {
        if (t.MsgID() <= 0 || t.MsgID() > 0xFFFF) {
            log.warn("gateway {}: backend {} sent message id {}; dropped", gatewayId, from, t.MsgID());
            return;
        }
        RawPacket out = new RawPacket(t.MsgID(), t.MsgData());
        if (t.All()) {
            clients.values().forEach(c -> c.session.send(out));
        } else if (t.ClientIDList().length > 0) {
            for (long id : t.ClientIDList()) {
                ClientState c = clients.get(id);
                if (c != null) {
                    c.session.send(out);
                }
            }
        } else {
            ClientState c = clients.get(t.ClientID());
            if (c == null) {
                return;
            }
            c.session.send(out);
            if (from != null) {
                c.answered(from);
            }
        }
    }

    private void backendLost(ServiceId id) {
        for (ClientState c : clients.values()) {
            if (c.uses(id)) {
                lost(c, id);
            }
        }
    }

    /** Unbinds {@code c} from {@code id} and fails its requests in flight there. */
    private void lost(ClientState c, ServiceId id) {
        boolean wasBound = c.unbind(id);
        for (int msgId : c.takePending(id)) {
            error(c, msgId, id.name(), "backend " + id + " was lost before it answered");
        }
        if (wasBound) {
            log.info("gateway {}: client {} unbound from lost backend {}", gatewayId, c.id, id);
            if (settings.failover == Failover.NOTIFY) {
                error(c, 0, id.name(), "backend " + id + " was lost; the next message goes to another instance");
            }
        }
    }

    // ---- accessors ----------------------------------------------------------------------------

    /** The port clients connect to ({@code tcp.ltv}). */
    public int port() {
        return tcp.port();
    }

    /** The WebSocket port, or -1 without one. */
    public int wsPort() {
        return ws == null ? -1 : ws.port();
    }

    /** Clients connected now. */
    public int clientCount() {
        return clients.size();
    }

    /** The route table in force. */
    public RouteTable routeTable() {
        return table;
    }

    /** The connectors to {@code service}'s instances, or {@code null} when no route names it. */
    public @Nullable ServiceConnectors connectors(String service) {
        Objects.requireNonNull(service, "service");
        return services.get(service);
    }

    /**
     * Drains the client side as {@link TcpAcceptor#drain} does, the {@code tcp.ltv} acceptor and the
     * {@code ws.ltv} one (when the gateway has a WebSocket address) at once: both stop listening, so
     * new clients are refused; {@code hook} is called once for every connected client, on the
     * gateway's queue; the clients get {@code timeout} to leave by themselves, then the rest are
     * closed gracefully. The backends stay connected all along: what the clients send while they
     * drain is still routed, and what the backends answer still reaches them; each client that
     * leaves is announced to its backends ({@link ClientClosedACK}) as usual. The route table keeps
     * being watched. {@link #close()} stops the gateway afterwards (or during the drain: the
     * remaining clients close and count as {@link DrainResult#left()}).
     *
     * <p>Idempotent: a later call returns the same counts and ignores its arguments. On a closed
     * gateway it completes at once with {@link DrainResult#EMPTY}.
     *
     * <p>May be called from any thread: it never blocks. The returned stage completes on one of the
     * gateway's threads (I/O or queue) or a timer thread: do not block in what is chained to it, and
     * do not wait for it on the gateway's queue, where the hook runs.
     *
     * @param timeout how long the clients get to leave by themselves; {@code Duration.ZERO} closes
     *                them right after the hook calls
     * @param hook    called once per connected client ({@link DrainHook#NONE} to only wait)
     * @return completes once every client that was connected has gone, with the counts of both
     *         acceptors summed
     * @throws IllegalArgumentException if {@code timeout} is negative
     */
    public CompletionStage<DrainResult> drain(Duration timeout, DrainHook hook) {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(hook, "hook");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be >= 0: " + timeout);
        }
        if (!tcp.isDraining()) {
            log.info("gateway {}: draining {} clients, {} to leave", gatewayId, clients.size(), timeout);
        }
        CompletionStage<DrainResult> tcpDrain = tcp.drain(timeout, hook);
        if (ws == null) {
            return tcpDrain;
        }
        return tcpDrain.thenCombine(ws.drain(timeout, hook),
                (a, b) -> new DrainResult(a.left() + b.left(), a.closed() + b.closed()));
    }

    /** {@code true} from the first {@link #drain} call until the gateway is closed. */
    public boolean isDraining() {
        return tcp.isDraining();
    }

    /** Stops accepting, closes every client and every backend connector. */
    @Override
    public void close() {
        Watch w = routeWatch;
        if (w != null) {
            w.close();
        }
        tcp.close();
        if (ws != null) {
            ws.close();
        }
        services.values().forEach(ServiceConnectors::close);
    }

    @Override
    public String toString() {
        return "Gateway{" + gatewayId + ", port " + tcp.port() + ", " + clients.size() + " clients}";
    }

    /**
     * Settings of a {@link Gateway}.
     *
     * <p>Thread safety: not thread-safe; use from one thread, then {@link #start()}.
     */
    public static final class Builder {
        private final Discovery discovery;
        private final EventQueue queue;
        private String address = "0.0.0.0:0";
        private @Nullable String wsAddress;
        private ServiceId id = ServiceId.of("gateway", 0);
        private RouteTable routes = RouteTable.builder().build();
        private @Nullable String routesKey;
        private SelectionPolicy policy = SelectionPolicy.consistentHash();
        private Failover failover = Failover.REBIND;
        private UnaryOperator<TcpAcceptorBuilder> clientSide = b -> b;
        private Consumer<TcpConnectorBuilder> backendSide = b -> { };
        private BiConsumer<ServiceId, BackendChange> backendListener = (id, change) -> { };

        private Builder(Discovery discovery, EventQueue queue) {
            this.discovery = Objects.requireNonNull(discovery, "discovery");
            this.queue = Objects.requireNonNull(queue, "queue");
        }

        /** Where clients connect with {@code tcp.ltv} (default {@code 0.0.0.0:0}). */
        public Builder address(String address) {
            this.address = Objects.requireNonNull(address, "address");
            return this;
        }

        /** Also accept {@code ws.ltv} clients at {@code HOST:PORT[/PATH]}. */
        public Builder wsAddress(String wsAddress) {
            this.wsAddress = Objects.requireNonNull(wsAddress, "wsAddress");
            return this;
        }

        /** The gateway's own id, the {@code SvcID} of its {@link ClientID}s (default {@code gateway#0@dev}). */
        public Builder id(ServiceId id) {
            this.id = Objects.requireNonNull(id, "id");
            return this;
        }

        /** The route table, from code. */
        public Builder routes(RouteTable routes) {
            this.routes = Objects.requireNonNull(routes, "routes");
            return this;
        }

        /** Read the route table ({@link RouteTable#parse text form}) from this discovery key, and reload it on change. */
        public Builder routesFromKv(String key) {
            this.routesKey = Objects.requireNonNull(key, "key");
            return this;
        }

        /** How a client is bound to an instance (default: consistent hash of the client id). */
        public Builder policy(SelectionPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** What clients of a dead backend get (default {@link Failover#REBIND}). */
        public Builder failover(Failover failover) {
            this.failover = Objects.requireNonNull(failover, "failover");
            return this;
        }

        /** More settings of the client acceptors (socket options, deadlines...). */
        public Builder clientSide(UnaryOperator<TcpAcceptorBuilder> clientSide) {
            this.clientSide = Objects.requireNonNull(clientSide, "clientSide");
            return this;
        }

        /** More settings of each backend connector (reconnect, socket options...). */
        public Builder backendSide(Consumer<TcpConnectorBuilder> backendSide) {
            this.backendSide = Objects.requireNonNull(backendSide, "backendSide");
            return this;
        }

        /** Told, on the gateway's queue, when a backend instance is discovered, connects, disconnects or is removed. */
        public Builder backendListener(BiConsumer<ServiceId, BackendChange> backendListener) {
            this.backendListener = Objects.requireNonNull(backendListener, "backendListener");
            return this;
        }

        /**
         * Starts listening and connecting to backends.
         *
         * @throws java.util.concurrent.CompletionException when an address cannot be bound
         */
        public Gateway start() {
            Gateway g = new Gateway(this);
            try {
                g.start();
            } catch (RuntimeException e) {
                g.close();
                throw e;
            }
            return g;
        }
    }
}
