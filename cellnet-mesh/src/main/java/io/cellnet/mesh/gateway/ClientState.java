package io.cellnet.mesh.gateway;

import io.cellnet.Session;
import io.cellnet.mesh.ServiceId;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One client of a gateway: its id, its session, the backend instance it is bound to per service,
 * and the ids of its requests in flight per backend instance. The last route taken (service,
 * instance, its session and its requests in flight) is kept aside, so that a client talking to one
 * service, the usual case, costs no map look-up per message; every change of a binding forgets it.
 *
 * <p>Thread safety: used on the gateway's queue only.
 */
final class ClientState {
    final long id;
    final Session session;
    private final Map<String, ServiceId> bound = new HashMap<>();
    private final Map<ServiceId, IntQueue> pending = new HashMap<>();
    // the last route: service name (identity of the route rule's string), instance, its session
    private @Nullable String lastService;
    private @Nullable ServiceId lastBound;
    private @Nullable Session lastBackend;
    private @Nullable IntQueue lastPending;

    ClientState(long id, Session session) {
        this.id = id;
        this.session = session;
    }

    /** The open session of the last route when it was to {@code service}, else {@code null}. */
    @Nullable Session lastBackend(String service) {
        Session s = lastBackend;
        return service == lastService && s != null && s.isOpen() ? s : null;
    }

    /** The instance of the last route (valid when {@link #lastBackend} returned a session). */
    @Nullable ServiceId lastBound() {
        return lastBound;
    }

    /** Remembers the route to {@code service}: instance {@code id} over {@code backend}. */
    void remember(String service, ServiceId id, Session backend) {
        lastService = service;
        lastBound = id;
        lastBackend = backend;
        lastPending = null;
    }

    @Nullable ServiceId bound(String service) {
        return bound.get(service);
    }

    void bind(String service, ServiceId id) {
        forget();
        bound.put(service, id);
    }

    /** Unbinds {@code id} from its service; whether it was bound. */
    boolean unbind(ServiceId id) {
        forget();
        return bound.remove(id.name(), id);
    }

    Iterable<ServiceId> boundInstances() {
        return bound.values();
    }

    /** Records a request in flight to {@code id}. */
    void addPending(ServiceId id, int msgId) {
        IntQueue q = id == lastBound ? lastPending : null;
        if (q == null) {
            q = pending.computeIfAbsent(id, k -> new IntQueue());
            if (id == lastBound) {
                lastPending = q;
            }
        }
        q.add(msgId);
    }

    /** Counts an answer from {@code id}: its oldest request in flight is answered. */
    void answered(ServiceId id) {
        IntQueue q = id == lastBound ? lastPending : null;
        if (q == null) {
            q = pending.get(id);
        }
        if (q != null) {
            q.poll();
        }
    }

    /** Removes and returns the message ids of the requests in flight to {@code id}, oldest first. */
    int[] takePending(ServiceId id) {
        forget();
        IntQueue q = pending.remove(id);
        return q == null ? new int[0] : q.drain();
    }

    boolean uses(ServiceId backend) {
        IntQueue q = pending.get(backend);
        return bound.containsValue(backend) || (q != null && !q.isEmpty());
    }

    private void forget() {
        lastService = null;
        lastBound = null;
        lastBackend = null;
        lastPending = null;
    }
}
