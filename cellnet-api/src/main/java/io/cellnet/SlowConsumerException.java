package io.cellnet;

import java.io.IOException;

/**
 * The cause of a {@link io.cellnet.SessionClosed} when a session was closed because its outbound
 * backlog passed the high watermark under {@link io.cellnet.SlowConsumerPolicy#CLOSE}.
 *
 * <p>Thread safety: immutable after construction.
 */
public class SlowConsumerException extends IOException {
    private static final long serialVersionUID = 1L;

    /** The backlog passed {@code highWatermark} bytes. */
    public SlowConsumerException(int highWatermark) {
        super("slow consumer: more than " + highWatermark + " bytes waiting to be written");
    }
}
