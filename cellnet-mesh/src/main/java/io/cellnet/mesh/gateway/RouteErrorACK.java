package io.cellnet.mesh.gateway;

import io.cellnet.netty.codec.Unsigned;
import java.util.Objects;

/**
 * {@code proto.RouteErrorACK} (not in cellmesh, which drops silently): the gateway tells a client
 * that a message could not be delivered or will not be answered: no route for its id, no live
 * instance of its service, or the backend died with the request in flight. Clients register it
 * ({@link MeshMessages#register}) to see these errors as events.
 *
 * <p>Thread safety: immutable.
 *
 * @param MsgID   the id of the client message concerned, 0 for a notice about the service
 * @param Service the service it was routed to, empty when there was no route
 * @param Reason  what happened, for people
 */
public record RouteErrorACK(@Unsigned int MsgID, String Service, String Reason) {

    /** Checks the arguments. */
    public RouteErrorACK {
        Objects.requireNonNull(Service, "Service");
        Objects.requireNonNull(Reason, "Reason");
    }
}
