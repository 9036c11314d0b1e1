package io.cellnet;

import java.util.Objects;

/**
 * An outbound event: a message about to be encoded and written (Go's {@code cellnet.SendMsgEvent}).
 * Outbound hookers may return a new event with another message (RPC wraps requests this way).
 *
 * <p>Thread safety: immutable; usable from any thread. Hookers see it on the sending thread.
 *
 * @param session the session the message is sent on
 * @param message the message to send
 */
public record SendMsgEvent(Session session, Object message) implements Event {

    /** An event for sending {@code message} on {@code session}. */
    public SendMsgEvent {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return "SendMsgEvent{session=" + session.id() + ", message=" + message + "}";
    }
}
