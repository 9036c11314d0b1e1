package io.cellnet.netty.internal;

import java.util.Objects;

/**
 * Fired down the pipeline by a transmitter's decoder in place of a message when it refuses input
 * (a malformed frame, an unknown id, a codec error). The peer closes the session with the cause.
 *
 * <p>Thread safety: immutable.
 *
 * @param cause why the input was refused
 */
public record InboundFailure(Throwable cause) {

    /** Checks the argument. */
    public InboundFailure {
        Objects.requireNonNull(cause, "cause");
    }
}
