package io.cellnet;

/**
 * Go's {@code cellnet.PeerCaptureIOPanic}: whether failures in the receive and send paths are
 * captured. In Go, an uncaptured panic crashes the process. In Java a failure in the I/O path
 * (a malformed frame, a codec exception, an exception from a hooker) is always captured: the
 * offending session is closed with {@link CloseReason#IO} and the cause, one log line is written,
 * and every other session keeps running. This interface exists so that Go code ports over; it
 * always reports {@code true}.
 *
 * <p>Thread safety: may be called from any thread.
 */
public interface PeerCaptureIOPanic {

    /** Always {@code true} in cellnet-java; see the type's documentation. */
    default boolean captureIOPanic() {
        return true;
    }
}
