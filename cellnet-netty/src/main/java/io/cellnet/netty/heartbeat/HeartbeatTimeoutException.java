package io.cellnet.netty.heartbeat;

import java.io.IOException;

/**
 * The cause of a {@link io.cellnet.SessionClosed} when the other side missed too many pongs.
 *
 * <p>Thread safety: immutable after construction.
 */
public class HeartbeatTimeoutException extends IOException {
    private static final long serialVersionUID = 1L;

    /** {@code missed} pings in a row went unanswered. */
    public HeartbeatTimeoutException(int missed) {
        super(missed + " heartbeat pings in a row went unanswered");
    }
}
