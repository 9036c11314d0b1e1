package io.cellnet.mesh;

/**
 * A discovery operation failed: the discovery service could not be reached or refused the request.
 *
 * <p>Thread safety: immutable once thrown.
 */
public final class DiscoveryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An exception with a message and its cause. */
    public DiscoveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
