package io.cellnet.mesh.gateway;

/**
 * What the gateway does for the clients of a backend instance that died (cellmesh keeps them bound
 * to it and drops their messages).
 *
 * <p>Thread safety: immutable.
 */
public enum Failover {
    /**
     * The client's next message to that service binds it to another live instance, chosen by the
     * gateway's policy; the client is not told.
     */
    REBIND,
    /** As {@link #REBIND}, and the client is told with a {@link RouteErrorACK} whose {@code MsgID} is 0. */
    NOTIFY
}
