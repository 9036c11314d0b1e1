package io.cellnet.testing;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The bounded waits of the extension: a peer's start or stop that fails or hangs fails the test
 * with an {@link AssertionError} saying what could not be done.
 *
 * <p>Thread safety: stateless.
 */
final class Waits {
    /** The bound of every wait of the extension (starting, stopping, sessions closing). */
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private Waits() {
    }

    /** Waits for {@code f}; {@code what} completes "could not ...". */
    static void await(CompletableFuture<Void> f, String what) {
        try {
            f.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting to " + what, e);
        } catch (ExecutionException e) {
            throw new AssertionError("could not " + what + ": " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("could not " + what + " within " + TIMEOUT.toMillis() + " ms", e);
        }
    }
}
