package io.cellnet;

/**
 * Posted by an acceptor when a connection is accepted, before any message of that session
 * (Go's {@code cellnet.SessionAccepted}, id 43922).
 *
 * <p>Thread safety: immutable.
 */
public record SessionAccepted() implements SystemMessage {
    /** The shared instance. */
    public static final SessionAccepted INSTANCE = new SessionAccepted();
}
