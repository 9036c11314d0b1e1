package io.cellnet;

/**
 * What a session does when more than its outbound high watermark is waiting to be written, because
 * the other side reads too slowly (or not at all).
 *
 * <ul>
 *   <li>{@link #REFUSE} (the default): {@code send} returns {@link SendResult#OVERFLOW} and the
 *       message is not kept, until the backlog drains below the low watermark. The session stays
 *       open; the caller decides (drop a position update, retry a chat line later, close).</li>
 *   <li>{@link #CLOSE}: the session is closed at once with {@link CloseReason#IO} and a slow-consumer
 *       cause; the send returns {@link SendResult#OVERFLOW}.</li>
 * </ul>
 * Either way a session's outbound memory is bounded by about the high watermark plus one message.
 *
 * <p>Thread safety: an immutable enum.
 */
public enum SlowConsumerPolicy {
    /** Refuse sends while over the high watermark. */
    REFUSE,
    /** Close the session when it goes over the high watermark. */
    CLOSE
}
