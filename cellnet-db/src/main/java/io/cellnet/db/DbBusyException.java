package io.cellnet.db;

import java.util.concurrent.RejectedExecutionException;

/**
 * The error of a call that a database peer refused at once because it is full: every pooled
 * connection is busy and the queue of waiting calls is at its bound (SQL), or too many commands
 * are waiting to be written (Redis). Nothing was sent; the caller may retry later or answer its
 * client with an error. It is delivered like any other error: to the call's callback, on the queue.
 *
 * <p>Thread safety: immutable once thrown.
 */
public final class DbBusyException extends RejectedExecutionException {
    private static final long serialVersionUID = 1L;

    /** A refusal saying why. */
    public DbBusyException(String message) {
        super(message);
    }

    /** A refusal saying why, with the refusal of the underlying library. */
    public DbBusyException(String message, Throwable cause) {
        super(message, cause);
    }
}
