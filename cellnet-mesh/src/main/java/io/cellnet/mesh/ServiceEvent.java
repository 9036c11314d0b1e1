package io.cellnet.mesh;

import java.util.Objects;

/**
 * A change of a watched service, delivered on the watcher's event queue (cellmesh reports additions
 * only; here removal and updates are events too).
 *
 * <p>Thread safety: immutable.
 *
 * @param kind     added, updated or removed
 * @param instance the instance as it now is (for {@code REMOVED}: as it last was)
 */
public record ServiceEvent(ServiceEventKind kind, ServiceInstance instance) {

    /** Checks the arguments. */
    public ServiceEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(instance, "instance");
    }
}
