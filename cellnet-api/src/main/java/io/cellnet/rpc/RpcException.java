package io.cellnet.rpc;

import java.util.Objects;

/**
 * An RPC call that failed for a reason other than its timeout (a timeout is a
 * {@link java.util.concurrent.TimeoutException}); {@link #reason()} says which.
 *
 * <p>Thread safety: immutable after construction.
 */
public class RpcException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why a call failed. */
    public enum Reason {
        /** The request was not sent: the session is closed or not connected, or it could not be encoded. */
        NOT_SENT,
        /** The session closed while the call was waiting for its answer. */
        SESSION_CLOSED,
        /** The session already has as many calls waiting as {@link RpcOptions#maxPendingCalls()} allows. */
        TOO_MANY_PENDING,
        /** The answer could not be decoded, or is not of the class the caller asked for. */
        BAD_REPLY
    }

    private final Reason reason;

    /** A failure for {@code reason} described by {@code message}. */
    public RpcException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** A failure for {@code reason} described by {@code message}, caused by {@code cause}. */
    public RpcException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** Why the call failed. */
    public Reason reason() {
        return reason;
    }
}
