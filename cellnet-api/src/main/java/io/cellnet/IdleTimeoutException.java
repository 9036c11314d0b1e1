package io.cellnet;

import java.io.IOException;
import java.time.Duration;

/**
 * The cause of a {@link io.cellnet.SessionClosed} when a session received nothing within its read
 * idle timeout (Go's read deadline) or its writes made no progress within its write idle timeout.
 *
 * <p>Thread safety: immutable after construction.
 */
public class IdleTimeoutException extends IOException {
    private static final long serialVersionUID = 1L;

    /** {@code what} ("read" or "write") did not happen within {@code timeout}. */
    public IdleTimeoutException(String what, Duration timeout) {
        super("no " + what + " for " + timeout.toMillis() + " ms");
    }
}
