package io.cellnet.mesh;

import io.cellnet.EventQueue;
import io.cellnet.observe.MeshObserver;
import io.cellnet.observe.Observability;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The instances a discovery knows, by service name, and the watchers of each name: every change
 * made through {@link #upsert} and {@link #remove} is posted, in order, to the queue of every
 * watcher of that name. Both discovery implementations keep their view of the world here; a
 * {@link Discovery} of your own (on etcd, Consul, Redis...) can too: feed it what your back end
 * reports and hand out its {@link #watch}es.
 *
 * <p>Thread safety: every method may be called from any thread (one lock).
 */
public final class ServiceBook {
    /** Instances in id order: name, group, index. */
    public static final Comparator<ServiceInstance> ORDER = Comparator.comparing((ServiceInstance i) -> i.id().name())
            .thenComparing(i -> i.id().group()).thenComparingInt(i -> i.id().index());

    private final Map<String, Map<ServiceId, ServiceInstance>> byName = new HashMap<>();
    private final Map<String, List<QueuedListener<ServiceEvent>>> watchers = new HashMap<>();
    private final MeshObserver observer = Observability.current().mesh();

    /** An empty book. */
    public ServiceBook() {
    }

    /** The instances of {@code name}, in id order. */
    public synchronized List<ServiceInstance> instances(String name) {
        Objects.requireNonNull(name, "name");
        List<ServiceInstance> list = new ArrayList<>(byName.getOrDefault(name, Map.of()).values());
        list.sort(ORDER);
        return list;
    }

    /** The instance with this id, or {@code null}. */
    public synchronized @Nullable ServiceInstance get(ServiceId id) {
        return byName.getOrDefault(id.name(), Map.of()).get(id);
    }

    /** Every instance of every name. */
    public synchronized List<ServiceInstance> all() {
        List<ServiceInstance> list = new ArrayList<>();
        byName.values().forEach(m -> list.addAll(m.values()));
        return list;
    }

    /** The names that have at least one watcher. */
    public synchronized List<String> watchedNames() {
        return List.copyOf(watchers.keySet());
    }

    /**
     * Adds or replaces {@code instance}; its watchers get {@code ADDED}, or {@code UPDATED} when it
     * was there and differs.
     *
     * @return the kind of event fired, or {@code null} when nothing changed
     */
    public synchronized @Nullable ServiceEventKind upsert(ServiceInstance instance) {
        ServiceInstance old = byName.computeIfAbsent(instance.id().name(), n -> new HashMap<>())
                .put(instance.id(), instance);
        if (instance.equals(old)) {
            return null;
        }
        ServiceEventKind kind = old == null ? ServiceEventKind.ADDED : ServiceEventKind.UPDATED;
        observed(instance.id().name(), kind);
        fire(new ServiceEvent(kind, instance));
        return kind;
    }

    /**
     * Removes the instance with this id; its watchers get {@code REMOVED}.
     *
     * @return the removed instance, or {@code null} when it was not there
     */
    public synchronized @Nullable ServiceInstance remove(ServiceId id) {
        Map<ServiceId, ServiceInstance> m = byName.get(id.name());
        ServiceInstance old = m == null ? null : m.remove(id);
        if (old != null) {
            observed(id.name(), ServiceEventKind.REMOVED);
            fire(new ServiceEvent(ServiceEventKind.REMOVED, old));
        }
        return old;
    }

    /** Watches {@code name}: an {@code ADDED} event for each instance now known, then every change. */
    public synchronized Watch watch(String name, EventQueue queue, Consumer<ServiceEvent> listener) {
        Objects.requireNonNull(name, "name");
        QueuedListener<ServiceEvent> w = new QueuedListener<>(queue, listener);
        instances(name).forEach(i -> w.deliver(new ServiceEvent(ServiceEventKind.ADDED, i)));
        watchers.computeIfAbsent(name, n -> new CopyOnWriteArrayList<>()).add(w);
        return () -> {
            w.close();
            synchronized (this) {
                List<QueuedListener<ServiceEvent>> list = watchers.get(name);
                if (list != null && list.remove(w) && list.isEmpty()) {
                    watchers.remove(name);
                }
            }
        };
    }

    private void observed(String service, ServiceEventKind kind) {
        if (observer != MeshObserver.NONE) {
            observer.discoveryChanged(service, kind.name().toLowerCase(Locale.ROOT),
                    byName.getOrDefault(service, Map.of()).size());
        }
    }

    private void fire(ServiceEvent event) {
        for (QueuedListener<ServiceEvent> w : watchers.getOrDefault(event.instance().id().name(), List.of())) {
            w.deliver(event);
        }
    }
}
