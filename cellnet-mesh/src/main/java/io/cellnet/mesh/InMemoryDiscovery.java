package io.cellnet.mesh;

import io.cellnet.EventQueue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * {@link Discovery} within one JVM: the embedded default for a single process and for tests. Every
 * component of the process shares one instance. Registrations live until closed (or until this
 * discovery is closed); changes reach watchers at once.
 *
 * <p>Thread safety: every method may be called from any thread; nothing blocks.
 */
public final class InMemoryDiscovery implements Discovery {
    private final ServiceBook book = new ServiceBook();
    private final Map<String, String> kv = new HashMap<>();
    private final Map<String, List<QueuedListener<KvEvent>>> kvWatchers = new HashMap<>();
    private final List<Registration> registrations = new CopyOnWriteArrayList<>();

    /** An empty discovery. */
    public InMemoryDiscovery() {
    }

    @Override
    public Registration register(ServiceInstance instance) {
        synchronized (book) {
            if (book.get(instance.id()) != null) {
                throw new IllegalStateException("service id " + instance.id() + " is already registered");
            }
            book.upsert(instance);
        }
        Registration r = new Registration() {
            private final AtomicBoolean open = new AtomicBoolean(true);

            @Override
            public ServiceInstance instance() {
                ServiceInstance now = book.get(instance.id());
                return now != null ? now : instance;
            }

            @Override
            public void updateLoad(ServiceLoad load) {
                Objects.requireNonNull(load, "load");
                synchronized (book) {
                    ServiceInstance now = book.get(instance.id());
                    if (open.get() && now != null) {
                        book.upsert(now.withLoad(load));
                    }
                }
            }

            @Override
            public void close() {
                if (open.compareAndSet(true, false)) {
                    registrations.remove(this);
                    book.remove(instance.id());
                }
            }
        };
        registrations.add(r);
        return r;
    }

    @Override
    public List<ServiceInstance> query(String name) {
        Objects.requireNonNull(name, "name");
        return book.instances(name);
    }

    @Override
    public Watch watch(String name, EventQueue queue, Consumer<ServiceEvent> listener) {
        ServiceId.checkPart(name, "name");
        return book.watch(name, queue, listener);
    }

    @Override
    public synchronized void kvPut(String key, String value) {
        Objects.requireNonNull(value, "value");
        if (!value.equals(kv.put(checkKey(key), value))) {
            fireKv(new KvEvent(key, value));
        }
    }

    @Override
    public synchronized Optional<String> kvGet(String key) {
        Objects.requireNonNull(key, "key");
        return Optional.ofNullable(kv.get(key));
    }

    @Override
    public synchronized void kvDelete(String key) {
        Objects.requireNonNull(key, "key");
        if (kv.remove(key) != null) {
            fireKv(new KvEvent(key, null));
        }
    }

    @Override
    public synchronized Watch kvWatch(String key, EventQueue queue, Consumer<KvEvent> listener) {
        QueuedListener<KvEvent> w = new QueuedListener<>(queue, listener);
        String now = kv.get(checkKey(key));
        if (now != null) {
            w.deliver(new KvEvent(key, now));
        }
        kvWatchers.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(w);
        return () -> {
            w.close();
            synchronized (this) {
                kvWatchers.getOrDefault(key, new ArrayList<>()).remove(w);
            }
        };
    }

    private void fireKv(KvEvent event) {
        kvWatchers.getOrDefault(event.key(), List.of()).forEach(w -> w.deliver(event));
    }

    /** Throws unless {@code key} is a valid key (letters, digits and {@code - / _ = .}, the NATS KV rule). */
    public static String checkKey(String key) {
        Objects.requireNonNull(key, "key");
        if (key.isEmpty() || key.startsWith(".") || key.endsWith(".")) {
            throw new IllegalArgumentException("bad key: '" + key + "'");
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!(Character.isLetterOrDigit(c) && c < 128) && "-/_=.".indexOf(c) < 0) {
                throw new IllegalArgumentException("key must hold only letters, digits and - / _ = . : '" + key + "'");
            }
        }
        return key;
    }

    @Override
    public void close() {
        registrations.forEach(Registration::close);
    }

    @Override
    public String toString() {
        return "InMemoryDiscovery" + book.all().stream().map(i -> i.id().toString()).sorted().toList();
    }
}
