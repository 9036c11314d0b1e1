package io.cellnet;

/**
 * A session plus a message (Go's {@code cellnet.Event}): what flows through hookers to callbacks.
 *
 * <p>Thread safety: implementations are immutable; usable from any thread.
 */
public interface Event {

    /** The session the event belongs to. */
    Session session();

    /** The message: a decoded user message or a {@link SystemMessage}. */
    Object message();
}
