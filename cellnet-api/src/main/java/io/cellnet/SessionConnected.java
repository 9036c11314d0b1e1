package io.cellnet;

/**
 * Posted by a connector each time a connection is established, before any message of it
 * (Go's {@code cellnet.SessionConnected}, id 20908).
 *
 * <p>Thread safety: immutable.
 */
public record SessionConnected() implements SystemMessage {
    /** The shared instance. */
    public static final SessionConnected INSTANCE = new SessionConnected();
}
