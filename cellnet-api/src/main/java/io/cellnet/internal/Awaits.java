package io.cellnet.internal;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Bounded waits on futures that only ever complete normally (a queue's termination).
 *
 * <p>Thread safety: stateless.
 */
public final class Awaits {
    private Awaits() {
    }

    /** Waits at most {@code timeout} for {@code done}; {@code true} when it completed. */
    public static boolean await(CompletableFuture<?> done, Duration timeout) throws InterruptedException {
        try {
            done.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
