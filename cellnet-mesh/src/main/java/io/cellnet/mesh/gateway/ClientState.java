package io.cellnet.mesh.gateway;

import io.cellnet.Session;
import io.cellnet.mesh.ServiceId;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * One client of a gateway: its id, its session, the backend instance it is bound to per service,
 * and the ids of its requests in flight per backend instance.
 *
 * <p>Thread safety: used on the gateway's queue only.
 */
final class ClientState {
    final long id;
    final Session session;
    final Map<String, ServiceId> bound = new HashMap<>();
    final Map<ServiceId, ArrayDeque<Integer>> pending = new HashMap<>();

    ClientState(long id, Session session) {
        this.id = id;
        this.session = session;
    }

    boolean uses(ServiceId backend) {
        return bound.containsValue(backend) || pending.containsKey(backend);
    }
}
