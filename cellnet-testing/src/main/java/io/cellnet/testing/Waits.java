package io.cellnet.testing;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The bounded waits of the extensions: a peer's start or stop that fails or hangs, or a condition
 * that does not come true, fails the test with an {@link AssertionError} saying what could not be
 * done.
 *
 * <p>Thread safety: stateless.
 */
final class Waits {
    /** The bound of every wait of the extensions (starting, stopping, sessions closing, buffers released). */
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** How often {@link #until} reads a condition that nothing signals (an allocator's count). */
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

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

    /**
     * Reads {@code condition} until it holds, at most {@code timeout}; then fails with
     * {@code failure}'s message.
     */
    static void until(BooleanSupplier condition, Duration timeout, Supplier<String> failure) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline >= 0) {
                throw new AssertionError(failure.get() + " (waited " + timeout.toMillis() + " ms)");
            }
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting: " + failure.get());
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }
}
