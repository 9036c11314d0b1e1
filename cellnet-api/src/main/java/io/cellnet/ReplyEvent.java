package io.cellnet;

/**
 * An event that can be answered (Go's {@code cellnet.ReplyEvent}). A plain message is answered with
 * a plain send; an RPC request with an RPC reply carrying the same call id; a relayed message with
 * a relay carrying the same passthrough values.
 *
 * <p>Thread safety: {@link #reply} may be called from any thread.
 */
public interface ReplyEvent {

    /** Answers the event with {@code message}. */
    SendResult reply(Object message);
}
