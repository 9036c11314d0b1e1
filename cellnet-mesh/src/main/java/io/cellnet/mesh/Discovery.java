package io.cellnet.mesh;

import io.cellnet.EventQueue;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Service discovery and shared configuration, in the spirit of cellmesh's
 * {@code discovery.Discovery}: register a service instance, query and watch instances by name, and
 * a key-value store with watches for route tables and feature flags. Two implementations:
 * {@link InMemoryDiscovery} (one process, tests) and {@code io.cellnet.mesh.nats.NatsDiscovery}.
 *
 * <p>Unlike cellmesh, watches report removals and updates, registrations die with their owner
 * (presence), and an id that is already registered by a live instance is refused.
 *
 * <p>Thread safety: every method may be called from any thread; events are delivered on the queue
 * given to {@link #watch} or {@link #kvWatch}, in the order they happened. Methods of a networked
 * implementation may block for a network round trip: do not call them on an event loop.
 */
public interface Discovery extends AutoCloseable {

    /**
     * Registers {@code instance}.
     *
     * @return the registration, which deregisters when closed
     * @throws IllegalStateException when a live instance already holds its id
     */
    Registration register(ServiceInstance instance);

    /** The live instances of service {@code name}, in id order. */
    List<ServiceInstance> query(String name);

    /** The live instances of service {@code name} in {@code group}, in id order. */
    default List<ServiceInstance> query(String name, String group) {
        Objects.requireNonNull(group, "group");
        return query(name).stream().filter(i -> i.id().group().equals(group)).toList();
    }

    /**
     * Watches service {@code name}: {@code listener} first gets an {@code ADDED} event for each live
     * instance, then every change, on {@code queue}.
     */
    Watch watch(String name, EventQueue queue, Consumer<ServiceEvent> listener);

    /** Sets {@code key} to {@code value} (keys: letters, digits and {@code - / _ = .}). */
    void kvPut(String key, String value);

    /** The value of {@code key}, if set. */
    Optional<String> kvGet(String key);

    /** Deletes {@code key}. */
    void kvDelete(String key);

    /**
     * Watches {@code key}: {@code listener} first gets its current value (when set), then every
     * change, on {@code queue}.
     */
    Watch kvWatch(String key, EventQueue queue, Consumer<KvEvent> listener);

    /** Deregisters this process's instances, stops its watches and releases its resources. */
    @Override
    void close();
}
