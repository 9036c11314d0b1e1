package io.cellnet.proc;

import io.cellnet.RecvMsgEvent;

/**
 * Handles one message type for a {@link MessageDispatcher}.
 *
 * <p>Thread safety: called on the thread the dispatcher is called on (the peer's queue).
 *
 * @param <T> the message type
 */
@FunctionalInterface
public interface MessageHandler<T> {

    /** Handles {@code message}, which is {@code event.message()} already cast. */
    void handle(RecvMsgEvent event, T message);
}
