package io.cellnet.mesh.gateway;

/**
 * What happened to a backend instance, as a gateway sees it ({@link Gateway.Builder#backendListener}).
 *
 * <p>Thread safety: immutable.
 */
public enum BackendChange {
    /** Discovery reported it; the gateway dials it. */
    DISCOVERED,
    /** The gateway's connection to it is up. */
    CONNECTED,
    /** The connection dropped; its clients were failed over. */
    DISCONNECTED,
    /** Discovery removed it (deregistered, or its presence expired); its connector is closed. */
    REMOVED
}
