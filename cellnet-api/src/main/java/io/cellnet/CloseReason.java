package io.cellnet;

/**
 * Why a session closed (Go's {@code cellnet.CloseReason}).
 *
 * <p>Thread safety: an immutable enum.
 */
public enum CloseReason {
    /** The connection failed or the other side closed it, or input was refused (Go's 0). */
    IO,
    /** This side called {@code close()} (directly, or by stopping the peer) (Go's 1). */
    MANUAL
}
