package io.cellnet;

import java.util.Objects;

/**
 * An outbound event: a message about to be encoded and written (Go's {@code cellnet.SendMsgEvent}).
 * Outbound hookers may return a new event with another message (RPC wraps requests this way).
 *
 * <p>Thread safety: immutable; usable from any thread. Hookers see it on the sending thread.
 */
public final class SendMsgEvent implements Event {
    private final Session session;
    private final Object message;

    /** An event for sending {@code message} on {@code session}. */
    public SendMsgEvent(Session session, Object message) {
        this.session = Objects.requireNonNull(session, "session");
        this.message = Objects.requireNonNull(message, "message");
    }

    @Override
    public Session session() {
        return session;
    }

    @Override
    public Object message() {
        return message;
    }

    @Override
    public String toString() {
        return "SendMsgEvent{session=" + session.id() + ", message=" + message + "}";
    }
}
