package io.cellnet.mesh;

/**
 * What happened to a watched service instance.
 *
 * <p>Thread safety: immutable.
 */
public enum ServiceEventKind {
    /** It registered (or a watch started and it was already there). */
    ADDED,
    /** Its address, metadata or load changed. */
    UPDATED,
    /** It deregistered, or its presence expired (its process died, its link is gone). */
    REMOVED
}
