package io.cellnet;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Posted once when a session's connection has closed (Go's {@code cellnet.SessionClosed}, id
 * 40147). It is the last event of that session.
 *
 * <p>Thread safety: immutable.
 *
 * @param reason {@link CloseReason#MANUAL} when this side closed it, {@link CloseReason#IO} otherwise
 * @param cause  the error that closed it, or {@code null} for an orderly close
 */
public record SessionClosed(CloseReason reason, @Nullable Throwable cause) implements SystemMessage {

    /** Checks the arguments. */
    public SessionClosed {
        Objects.requireNonNull(reason, "reason");
    }
}
