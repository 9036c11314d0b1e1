package io.cellnet;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Posted once when a session's connection has closed (Go's {@code cellnet.SessionClosed}, id
 * 40147). It is the last event of that session.
 *
 * <p>Sends that returned {@link SendResult#QUEUED} are written unless the connection fails first;
 * what was queued and never left is reported here, so that no message is lost unseen:
 * {@link #droppedMessages()} and {@link #droppedBytes()} (also logged at WARN with the session id
 * when not zero). A write batch that the connection failed while writing counts whole.
 * {@link #describe()} is the close in words, never {@code "null"}.
 *
 * <p>Thread safety: immutable.
 *
 * @param reason          {@link CloseReason#MANUAL} when this side closed it, {@link CloseReason#IO}
 *                        otherwise
 * @param cause           the error that closed it, or {@code null} for an orderly close
 * @param droppedMessages the messages accepted by {@code send} ({@code QUEUED}) that were never
 *                        written because the connection closed first (0 for transports that write
 *                        at once, such as UDP)
 * @param droppedBytes    their bytes on the wire
 */
public record SessionClosed(CloseReason reason, @Nullable Throwable cause, long droppedMessages, long droppedBytes)
        implements SystemMessage {

    /** Checks the arguments. */
    public SessionClosed {
        Objects.requireNonNull(reason, "reason");
        if (droppedMessages < 0 || droppedBytes < 0) {
            throw new IllegalArgumentException("dropped counts must not be negative: " + droppedMessages + " messages, "
                    + droppedBytes + " bytes");
        }
    }

    /** A close that dropped nothing (the form of cellnet-java 1.0). */
    public SessionClosed(CloseReason reason, @Nullable Throwable cause) {
        this(reason, cause, 0, 0);
    }

    /**
     * The close in words, for logs and users: the reason, then the cause's class and message (its
     * class alone when it has no message), or who closed it, then what was dropped; for example
     * {@code "IO: java.io.IOException: Connection reset by peer"}, {@code "IO: closed by the other
     * side"}, {@code "MANUAL: closed by this side, 3 queued messages (120 bytes) dropped"}.
     */
    public String describe() {
        StringBuilder s = new StringBuilder(reason.name()).append(": ");
        Throwable c = cause;
        if (c != null) {
            s.append(c.getClass().getName());
            if (c.getMessage() != null) {
                s.append(": ").append(c.getMessage());
            }
        } else {
            s.append(reason == CloseReason.MANUAL ? "closed by this side" : "closed by the other side");
        }
        if (droppedMessages > 0) {
            s.append(", ").append(droppedMessages).append(" queued message").append(droppedMessages == 1 ? "" : "s")
                    .append(" (").append(droppedBytes).append(" bytes) dropped");
        }
        return s.toString();
    }

    @Override
    public String toString() {
        return "SessionClosed[" + describe() + "]";
    }
}
