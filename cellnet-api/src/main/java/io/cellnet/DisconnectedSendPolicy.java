package io.cellnet;

/**
 * What a connector's session does with a {@code send} while it has no connection.
 *
 * <ul>
 *   <li>{@link #refuse()} (the default): the send returns {@link SendResult#NOT_CONNECTED} and the
 *       message is not kept. Go drops such messages silently; here the caller can see it.</li>
 *   <li>{@link #buffer(int)}: up to {@code maxMessages} messages are kept (the send returns
 *       {@link SendResult#BUFFERED}) and written, in order, as soon as the next connection is up,
 *       before anything sent after it. Past the limit the send returns {@link SendResult#OVERFLOW}.
 *       Stopping the connector discards the buffer.</li>
 * </ul>
 *
 * <p>Thread safety: immutable; usable from any thread.
 *
 * @param maxMessages {@code 0} to refuse, otherwise the buffer's capacity in messages
 */
public record DisconnectedSendPolicy(int maxMessages) {

    private static final DisconnectedSendPolicy REFUSE = new DisconnectedSendPolicy(0);

    /** Validates the capacity. */
    public DisconnectedSendPolicy {
        if (maxMessages < 0) {
            throw new IllegalArgumentException("maxMessages must be >= 0: " + maxMessages);
        }
    }

    /** Refuse sends while disconnected (the default). */
    public static DisconnectedSendPolicy refuse() {
        return REFUSE;
    }

    /** Keep up to {@code maxMessages} messages and send them after the next connect. */
    public static DisconnectedSendPolicy buffer(int maxMessages) {
        if (maxMessages <= 0) {
            throw new IllegalArgumentException("maxMessages must be > 0: " + maxMessages);
        }
        return new DisconnectedSendPolicy(maxMessages);
    }

    /** {@code true} when sends are buffered. */
    public boolean buffers() {
        return maxMessages > 0;
    }
}
