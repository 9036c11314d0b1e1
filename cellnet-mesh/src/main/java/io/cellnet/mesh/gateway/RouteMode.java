package io.cellnet.mesh.gateway;

/**
 * How the gateway treats a routed message (cellmesh's {@code Mode} strings are never enforced;
 * these are).
 *
 * <p>Thread safety: immutable.
 */
public enum RouteMode {
    /**
     * A request: the gateway counts it as in flight until the backend sends something to this client
     * alone; if the backend dies first, the client gets a {@link RouteErrorACK} for it.
     */
    REQUEST,
    /** A one-way message: nothing is awaited. */
    NOTIFY
}
