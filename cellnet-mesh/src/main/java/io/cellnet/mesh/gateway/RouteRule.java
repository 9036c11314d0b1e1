package io.cellnet.mesh.gateway;

import io.cellnet.mesh.ServiceId;
import java.util.Objects;

/**
 * One route: client messages with this id go to this service (cellmesh's
 * {@code RouteRule{MsgName, SvcName, Mode, MsgID}}).
 *
 * <p>Thread safety: immutable.
 *
 * @param msgId   the client message id, 1..65535
 * @param service the backend service name
 * @param mode    request (awaits an answer) or notify
 */
public record RouteRule(int msgId, String service, RouteMode mode) {

    /** Checks the arguments. */
    public RouteRule {
        if (msgId <= 0 || msgId > 0xFFFF) {
            throw new IllegalArgumentException("msgId must be within 1..65535: " + msgId);
        }
        ServiceId.of(Objects.requireNonNull(service, "service"), 0); // checks the name
        Objects.requireNonNull(mode, "mode");
    }
}
