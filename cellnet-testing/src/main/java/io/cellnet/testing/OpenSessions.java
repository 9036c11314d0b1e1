package io.cellnet.testing;

import io.cellnet.SessionAccepted;
import io.cellnet.SessionClosed;
import java.time.Duration;
import java.util.function.IntSupplier;

/**
 * Counts an acceptor's sessions as its callback sees them (accepted minus closed), so that the
 * extension can wait until every session's {@code SessionClosed} has been handled, whatever the
 * queue.
 *
 * <p>Thread safety: {@link #seen} may be called from any thread; {@link #awaitNone} blocks the
 * caller until the count is zero.
 */
final class OpenSessions {
    private int open;

    /** Counts {@code message} after the callback has handled it. */
    synchronized void seen(Object message) {
        if (message instanceof SessionAccepted) {
            open++;
        } else if (message instanceof SessionClosed && open > 0) {
            open--;
            if (open == 0) {
                notifyAll();
            }
        }
    }

    /**
     * Waits until every accepted session's close has been handled and {@code registered} (the
     * acceptor's own count, which drops just after the close is delivered) is zero too.
     *
     * @throws AssertionError when some are still open after {@code timeout}
     */
    synchronized void awaitNone(IntSupplier registered, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (open > 0 || registered.getAsInt() > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError(Math.max(open, registered.getAsInt())
                        + " session(s) of the test acceptor did not close within " + timeout.toMillis() + " ms");
            }
            try {
                // notified when the last close is handled; the acceptor's count is re-read every ms
                wait(open > 0 ? Math.max(1, left / 1_000_000) : 1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for sessions to close", e);
            }
        }
    }

    /** Forgets every count (the acceptor stopped). */
    synchronized void reset() {
        open = 0;
        notifyAll();
    }
}
