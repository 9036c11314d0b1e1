package io.cellnet;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An inbound event: a message received on a session, or a {@link SystemMessage} about it (Go's
 * {@code cellnet.RecvMsgEvent}). Every event a callback receives is a {@code RecvMsgEvent} or a
 * subclass (RPC and relay events override {@link #reply}).
 *
 * <p>Thread safety: immutable; its methods may be called from any thread.
 */
public class RecvMsgEvent implements Event, ReplyEvent {
    private final Session session;
    private final Object message;

    /** An event for {@code message} received on {@code session}. */
    public RecvMsgEvent(Session session, Object message) {
        this.session = Objects.requireNonNull(session, "session");
        this.message = Objects.requireNonNull(message, "message");
    }

    @Override
    public final Session session() {
        return session;
    }

    @Override
    public final Object message() {
        return message;
    }

    /** The message as {@code type}, or {@code null} when it is of another type. */
    public final <T> @Nullable T message(Class<T> type) {
        return type.isInstance(message) ? type.cast(message) : null;
    }

    /** Sends {@code msg} on this event's session (Go's {@code ev.Send}). */
    public final SendResult send(Object msg) {
        Objects.requireNonNull(msg, "msg");
        return session.send(msg);
    }

    /** Answers this event; for a plain message this is {@link #send}. */
    @Override
    public SendResult reply(Object msg) {
        Objects.requireNonNull(msg, "msg");
        return send(msg);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "{session=" + session.id() + ", message=" + message + "}";
    }
}
