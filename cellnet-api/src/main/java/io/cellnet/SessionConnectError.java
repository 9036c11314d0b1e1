package io.cellnet;

import java.util.Objects;

/**
 * Posted by a connector when a connection attempt fails (Go's {@code cellnet.SessionConnectError},
 * id 909). Unlike Go, which is silent while it retries, every failed attempt is posted.
 *
 * <p>Thread safety: immutable.
 *
 * @param cause     why the attempt failed
 * @param attempt   0 for the first attempt after {@code start()}; n for the n-th reconnection attempt
 *                  since the connector started or last lost its connection
 * @param willRetry {@code true} when the reconnect policy schedules another attempt
 */
public record SessionConnectError(Throwable cause, int attempt, boolean willRetry) implements SystemMessage {

    /** Checks the arguments. */
    public SessionConnectError {
        Objects.requireNonNull(cause, "cause");
    }
}
