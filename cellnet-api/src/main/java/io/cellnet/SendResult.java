package io.cellnet;

/**
 * What {@link Session#send} did with a message. {@link #isAccepted()} tells whether the message
 * will be written.
 *
 * <p>Thread safety: an immutable enum, usable from any thread.
 */
public enum SendResult {
    /** Accepted and queued for writing on the current connection. */
    QUEUED(true),
    /** A connector without a connection kept it; it is written after the next connect. */
    BUFFERED(true),
    /** The session is closing or closed; the message was not accepted. */
    CLOSED(false),
    /** A connector without a connection refused it (the default {@link DisconnectedSendPolicy}). */
    NOT_CONNECTED(false),
    /** Too much is waiting to be written (outbound high watermark, or a full reconnect buffer). */
    OVERFLOW(false),
    /** The encoded frame does not fit the transport's maximum size; the session is unaffected. */
    TOO_LARGE(false),
    /** The message is not registered or its codec failed; the session is unaffected. */
    ENCODE_FAILED(false);

    private final boolean accepted;

    SendResult(boolean accepted) {
        this.accepted = accepted;
    }

    /** {@code true} for {@link #QUEUED} and {@link #BUFFERED}. */
    public boolean isAccepted() {
        return accepted;
    }
}
