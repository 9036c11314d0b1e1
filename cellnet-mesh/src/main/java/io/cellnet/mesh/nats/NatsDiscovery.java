package io.cellnet.mesh.nats;

import io.cellnet.EventQueue;
import io.cellnet.mesh.Discovery;
import io.cellnet.mesh.DiscoveryException;
import io.cellnet.mesh.InMemoryDiscovery;
import io.cellnet.mesh.KvEvent;
import io.cellnet.mesh.Registration;
import io.cellnet.mesh.ServiceEvent;
import io.cellnet.mesh.ServiceId;
import io.cellnet.mesh.ServiceBook;
import io.cellnet.mesh.ServiceInstance;
import io.cellnet.mesh.Watch;
import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.Dispatcher;
import io.nats.client.JetStreamApiException;
import io.nats.client.KeyValue;
import io.nats.client.KeyValueManagement;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.Subscription;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.KeyValueEntry;
import io.nats.client.api.KeyValueOperation;
import io.nats.client.api.KeyValueWatcher;
import io.nats.client.api.StorageType;
import io.nats.client.impl.NatsKeyValueWatchSubscription;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Discovery} on NATS.
 *
 * <p><b>Presence</b> uses core NATS subjects, not JetStream: each registered instance publishes its
 * descriptor on {@code <prefix>.svc.<name>.hb} every {@linkplain Builder#heartbeat heartbeat}, and
 * {@code <prefix>.svc.<name>.bye} when it deregisters. A watcher removes an instance it has not
 * heard from for the {@linkplain Builder#ttl time-to-live} (a killed process: at most
 * {@code ttl + ttl/10}, default 2.5 s + 0.25 s), at once on a goodbye. A watcher that starts, or
 * whose link comes back, publishes {@code <prefix>.svc.<name>.probe} and every live instance
 * answers with its descriptor at once, so watchers resynchronise without waiting for a heartbeat.
 * While a watcher's own link is down it expires nothing (it cannot tell a dead instance from its own
 * outage); when the link returns, instances re-register by their next heartbeat and anything that
 * stays silent expires. An instance's id is also a subject ({@code <prefix>.id.<id>}) that its owner
 * answers, so {@link #register} refuses an id held by a live instance.
 *
 * <p><b>Key-value</b> uses a JetStream key-value bucket (file storage; the server needs
 * {@code -js}): ordered, durable, and watchable per key, which a route table needs.
 *
 * <p>Thread safety: every method may be called from any thread; methods that talk to the server
 * block for a round trip (do not call them on an event loop). Events are delivered on the
 * watchers' queues.
 */
public final class NatsDiscovery implements Discovery {
    private static final Logger log = LoggerFactory.getLogger(NatsDiscovery.class);

    private final Builder settings;
    private final Connection nc;
    private final Dispatcher dispatcher;
    private final ScheduledExecutorService timer;
    private final ServiceBook book = new ServiceBook();
    private final Map<ServiceId, Long> lastSeen = new ConcurrentHashMap<>();
    private final Map<String, Subscription> watched = new ConcurrentHashMap<>();
    private final Map<String, Integer> watchCounts = new LinkedHashMap<>();
    private final Map<ServiceId, NatsRegistration> registrations = new ConcurrentHashMap<>();
    private volatile boolean connected = true;
    private volatile @Nullable KeyValue kv;

    private NatsDiscovery(Builder b) throws IOException, InterruptedException {
        this.settings = b;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cellnet-mesh-nats");
            t.setDaemon(true);
            return t;
        });
        Options options = Options.builder().server(b.url).maxReconnects(-1).reconnectWait(b.reconnectWait)
                .connectionTimeout(b.connectTimeout).connectionListener(this::onConnectionEvent).build();
        this.nc = Nats.connect(options);
        this.dispatcher = nc.createDispatcher();
        long hb = b.heartbeat.toNanos();
        timer.scheduleAtFixedRate(this::heartbeat, hb, hb, TimeUnit.NANOSECONDS);
        long sweep = Math.max(b.ttl.toNanos() / 10, TimeUnit.MILLISECONDS.toNanos(20));
        timer.scheduleAtFixedRate(this::sweep, sweep, sweep, TimeUnit.NANOSECONDS);
    }

    /** A builder for a discovery on the NATS server at {@code url} ({@code nats://host:port}). */
    public static Builder builder(String url) {
        return new Builder(url);
    }

    /** Connects with the default settings. */
    public static NatsDiscovery connect(String url) throws IOException, InterruptedException {
        return builder(url).connect();
    }

    private String subject(String name, String kind) {
        return settings.prefix + ".svc." + name + "." + kind;
    }

    private String idSubject(ServiceId id) {
        return settings.prefix + ".id." + id;
    }

    // ---- presence -----------------------------------------------------------------------------

    @Override
    public Registration register(ServiceInstance instance) {
        Objects.requireNonNull(instance, "instance");
        if (registrations.containsKey(instance.id()) || ownerAnswers(instance.id())) {
            throw new IllegalStateException("service id " + instance.id() + " is already registered by a live instance");
        }
        NatsRegistration r = new NatsRegistration(instance);
        registrations.put(instance.id(), r);
        r.publish(null);
        flush();
        return r;
    }

    private boolean ownerAnswers(ServiceId id) {
        try {
            Message m = nc.request(idSubject(id), new byte[0]).get(settings.ownerCheck.toNanos(), TimeUnit.NANOSECONDS);
            return m != null && !m.isStatusMessage();
        } catch (ExecutionException | TimeoutException | java.util.concurrent.CancellationException e) {
            return false; // no responders, or nobody answered in time: the id is free
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DiscoveryException("interrupted while checking " + id, e);
        }
    }

    private void flush() {
        try {
            nc.flush(settings.connectTimeout);
        } catch (TimeoutException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.debug("flush: {}", e.toString());
        }
    }

    /**
     * One registration: its heartbeat, its answers to probes and to owner checks.
     *
     * <p>Thread safety: publishing and closing are serialised on this object, so no heartbeat follows
     * the goodbye.
     */
    private final class NatsRegistration implements Registration {
        private volatile ServiceInstance instance;
        private final Subscription probes;
        private final Subscription owner;
        private boolean open = true;

        NatsRegistration(ServiceInstance instance) {
            this.instance = instance;
            this.probes = dispatcher.subscribe(subject(instance.id().name(), "probe"), m -> publish(m.getReplyTo()));
            this.owner = dispatcher.subscribe(idSubject(instance.id()), m -> {
                if (m.getReplyTo() != null) {
                    nc.publish(m.getReplyTo(), "taken".getBytes(StandardCharsets.UTF_8));
                }
            });
        }

        synchronized void publish(@Nullable String replyTo) {
            if (!open) {
                return;
            }
            byte[] payload = InstanceText.encode(instance);
            nc.publish(subject(instance.id().name(), "hb"), payload);
            if (replyTo != null) {
                nc.publish(replyTo, payload);
            }
        }

        @Override
        public ServiceInstance instance() {
            return instance;
        }

        @Override
        public void updateLoad(io.cellnet.mesh.ServiceLoad load) {
            Objects.requireNonNull(load, "load");
            boolean changed;
            synchronized (this) {
                changed = !instance.load().equals(load);
                instance = instance.withLoad(load);
            }
            if (changed) {
                publish(null);
            }
        }

        @Override
        public void close() {
            synchronized (this) {
                if (!open) {
                    return;
                }
                open = false;
                registrations.remove(instance.id(), this);
                dispatcher.unsubscribe(probes);
                dispatcher.unsubscribe(owner);
                nc.publish(subject(instance.id().name(), "bye"), instance.id().toString().getBytes(StandardCharsets.UTF_8));
            }
            flush();
        }
    }

    private void heartbeat() {
        registrations.values().forEach(r -> r.publish(null));
    }

    private void sweep() {
        if (!connected) {
            return;
        }
        long now = System.nanoTime();
        long ttl = settings.ttl.toNanos();
        lastSeen.forEach((id, seen) -> {
            if (now - seen > ttl && lastSeen.remove(id, seen)) {
                log.info("{}: no heartbeat for {} ms, removed", id, TimeUnit.NANOSECONDS.toMillis(now - seen));
                book.remove(id);
            }
        });
    }

    private void onConnectionEvent(Connection conn, ConnectionListener.Events event) {
        switch (event) {
            case DISCONNECTED -> {
                connected = false;
                log.warn("NATS link down ({}); presence expiry paused", settings.url);
            }
            case RECONNECTED, RESUBSCRIBED -> {
                if (!connected) {
                    log.info("NATS link back ({}); re-registering and resynchronising", settings.url);
                }
                long now = System.nanoTime();
                lastSeen.replaceAll((id, seen) -> now);
                connected = true;
                timer.execute(() -> {
                    heartbeat();
                    watched.keySet().forEach(name -> nc.publish(subject(name, "probe"), new byte[0]));
                });
            }
            default -> {
            }
        }
    }

    private void onPresence(Message m) {
        String subject = m.getSubject();
        try {
            if (subject.endsWith(".hb")) {
                ServiceInstance i = InstanceText.decode(m.getData());
                lastSeen.put(i.id(), System.nanoTime());
                book.upsert(i);
            } else if (subject.endsWith(".bye")) {
                ServiceId id = ServiceId.parse(new String(m.getData(), StandardCharsets.UTF_8));
                lastSeen.remove(id);
                book.remove(id);
            }
        } catch (RuntimeException e) {
            log.warn("ignoring a bad presence message on {}: {}", subject, e.toString());
        }
    }

    @Override
    public List<ServiceInstance> query(String name) {
        Objects.requireNonNull(name, "name");
        if (watched.containsKey(name)) {
            return book.instances(name);
        }
        String inbox = nc.createInbox();
        Subscription sub = nc.subscribe(inbox);
        Map<ServiceId, ServiceInstance> found = new LinkedHashMap<>();
        try {
            nc.publish(subject(name, "probe"), inbox, new byte[0]);
            Message m;
            while ((m = sub.nextMessage(settings.queryWait)) != null) {
                if (m.isStatusMessage() || m.getData() == null || m.getData().length == 0) {
                    continue;
                }
                ServiceInstance i = InstanceText.decode(m.getData());
                found.put(i.id(), i);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DiscoveryException("interrupted while querying " + name, e);
        } finally {
            sub.unsubscribe();
        }
        List<ServiceInstance> list = new ArrayList<>(found.values());
        list.sort(ServiceBook.ORDER);
        return list;
    }

    @Override
    public Watch watch(String name, EventQueue queue, Consumer<ServiceEvent> listener) {
        Objects.requireNonNull(name, "name");
        Watch w = book.watch(name, queue, listener);
        synchronized (watchCounts) {
            if (watchCounts.merge(name, 1, Integer::sum) == 1) {
                watched.put(name, dispatcher.subscribe(settings.prefix + ".svc." + name + ".*", this::onPresence));
                nc.publish(subject(name, "probe"), new byte[0]);
            }
        }
        return () -> {
            w.close();
            synchronized (watchCounts) {
                Integer left = watchCounts.computeIfPresent(name, (k, n) -> n == 1 ? null : n - 1);
                Subscription sub = left == null ? watched.remove(name) : null;
                if (sub != null) {
                    dispatcher.unsubscribe(sub);
                }
            }
        };
    }

    // ---- key-value ----------------------------------------------------------------------------

    private KeyValue kv() {
        KeyValue k = kv;
        if (k != null) {
            return k;
        }
        synchronized (this) {
            if (kv == null) {
                try {
                    KeyValueManagement kvm = nc.keyValueManagement();
                    if (!kvm.getBucketNames().contains(settings.bucket)) {
                        kvm.create(KeyValueConfiguration.builder().name(settings.bucket).storageType(StorageType.File)
                                .build());
                    }
                    kv = nc.keyValue(settings.bucket);
                } catch (IOException | JetStreamApiException e) {
                    throw new DiscoveryException("cannot open key-value bucket " + settings.bucket
                            + " (is JetStream enabled, nats-server -js?)", e);
                }
            }
            return Objects.requireNonNull(kv);
        }
    }

    @Override
    public void kvPut(String key, String value) {
        Objects.requireNonNull(value, "value");
        try {
            kv().put(InMemoryDiscovery.checkKey(key), value.getBytes(StandardCharsets.UTF_8));
        } catch (IOException | JetStreamApiException e) {
            throw new DiscoveryException("kv put " + key, e);
        }
    }

    @Override
    public Optional<String> kvGet(String key) {
        try {
            KeyValueEntry e = kv().get(InMemoryDiscovery.checkKey(key));
            return e == null || e.getOperation() != KeyValueOperation.PUT ? Optional.empty()
                    : Optional.of(new String(e.getValue(), StandardCharsets.UTF_8));
        } catch (IOException | JetStreamApiException e) {
            throw new DiscoveryException("kv get " + key, e);
        }
    }

    @Override
    public void kvDelete(String key) {
        try {
            kv().delete(InMemoryDiscovery.checkKey(key));
        } catch (IOException | JetStreamApiException e) {
            throw new DiscoveryException("kv delete " + key, e);
        }
    }

    @Override
    public Watch kvWatch(String key, EventQueue queue, Consumer<KvEvent> listener) {
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(listener, "listener");
        java.util.concurrent.atomic.AtomicBoolean open = new java.util.concurrent.atomic.AtomicBoolean(true);
        KeyValueWatcher watcher = new KeyValueWatcher() {
            @Override
            public void watch(KeyValueEntry e) {
                String value = e.getOperation() == KeyValueOperation.PUT
                        ? new String(e.getValue(), StandardCharsets.UTF_8) : null;
                KvEvent ev = new KvEvent(e.getKey(), value);
                queue.post(() -> {
                    if (open.get()) {
                        listener.accept(ev);
                    }
                });
            }

            @Override
            public void endOfData() {
            }
        };
        try {
            NatsKeyValueWatchSubscription sub = kv().watch(InMemoryDiscovery.checkKey(key), watcher);
            return () -> {
                open.set(false);
                sub.unsubscribe();
            };
        } catch (IOException | JetStreamApiException e) {
            throw new DiscoveryException("kv watch " + key, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DiscoveryException("interrupted while watching " + key, e);
        }
    }

    /** Whether the link to the server is up now. */
    public boolean isConnected() {
        return nc.getStatus() == Connection.Status.CONNECTED;
    }

    @Override
    public void close() {
        List.copyOf(registrations.values()).forEach(NatsRegistration::close);
        timer.shutdownNow();
        try {
            nc.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "NatsDiscovery{" + settings.url + ", registered " + registrations.keySet() + "}";
    }

    /**
     * Settings of {@link NatsDiscovery}.
     *
     * <p>Thread safety: not thread-safe; use from one thread, then {@link #connect()}.
     */
    public static final class Builder {
        private final String url;
        private Duration heartbeat = Duration.ofMillis(500);
        private Duration ttl = Duration.ofMillis(2500);
        private Duration reconnectWait = Duration.ofMillis(250);
        private Duration connectTimeout = Duration.ofSeconds(2);
        private Duration queryWait = Duration.ofMillis(250);
        private Duration ownerCheck = Duration.ofMillis(250);
        private String prefix = "cellmesh";
        private String bucket = "cellmesh";

        private Builder(String url) {
            this.url = Objects.requireNonNull(url, "url");
        }

        /** How often each registered instance publishes its descriptor (default 500 ms). */
        public Builder heartbeat(Duration heartbeat) {
            this.heartbeat = positive(heartbeat, "heartbeat");
            return this;
        }

        /**
         * How long a watcher keeps an instance it no longer hears from (default 2.5 s; a dead
         * instance is gone within {@code ttl + ttl/10}). Must exceed the heartbeat.
         */
        public Builder ttl(Duration ttl) {
            this.ttl = positive(ttl, "ttl");
            return this;
        }

        /** The wait between reconnection attempts to the server (default 250 ms; it retries forever). */
        public Builder reconnectWait(Duration reconnectWait) {
            this.reconnectWait = positive(reconnectWait, "reconnectWait");
            return this;
        }

        /** How long a {@link NatsDiscovery#query} of a service nobody here watches collects answers (default 250 ms). */
        public Builder queryWait(Duration queryWait) {
            this.queryWait = positive(queryWait, "queryWait");
            return this;
        }

        /** The subject prefix (default {@code cellmesh}); meshes with different prefixes do not see each other. */
        public Builder prefix(String prefix) {
            this.prefix = Objects.requireNonNull(prefix, "prefix");
            return this;
        }

        /** The JetStream key-value bucket (default {@code cellmesh}). */
        public Builder bucket(String bucket) {
            this.bucket = Objects.requireNonNull(bucket, "bucket");
            return this;
        }

        /**
         * Connects.
         *
         * @throws IOException when the server cannot be reached
         */
        public NatsDiscovery connect() throws IOException, InterruptedException {
            if (ttl.compareTo(heartbeat) <= 0) {
                throw new IllegalArgumentException("ttl (" + ttl + ") must exceed the heartbeat (" + heartbeat + ")");
            }
            return new NatsDiscovery(this);
        }

        private static Duration positive(Duration d, String what) {
            Objects.requireNonNull(d, what);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(what + " must be positive: " + d);
            }
            return d;
        }
    }
}
