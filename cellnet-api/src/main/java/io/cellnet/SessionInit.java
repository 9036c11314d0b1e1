package io.cellnet;

/**
 * Go's {@code cellnet.SessionInit} (id 27629). Registered for parity; Go never posts it and neither
 * does cellnet-java.
 *
 * <p>Thread safety: immutable.
 */
public record SessionInit() implements SystemMessage {
    /** The shared instance. */
    public static final SessionInit INSTANCE = new SessionInit();
}
