package io.cellnet;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * When a connector tries again after a failed connection attempt or a lost connection.
 *
 * <p>The first attempt after {@code start()} is attempt 0 and is not delayed. After it fails, or after
 * an established connection closes, the connector asks {@link #delayBeforeAttempt(int)} for the
 * delay before reconnection attempt 1; after attempt n fails, for attempt n + 1. The count restarts
 * with every successful connection. A {@code null} answer means give up: the failed attempt's
 * {@link SessionConnectError} says {@code willRetry == false}, and the connector stops itself (it
 * can be started again).
 *
 * <p>Thread safety: implementations must be immutable or thread-safe; they are called on I/O
 * threads.
 */
@FunctionalInterface
public interface ReconnectPolicy {

    /** The delay before retry number {@code attempt} (1-based), or {@code null} to stop retrying. */
    @Nullable Duration delayBeforeAttempt(int attempt);

    /** Never reconnect (Go's reconnect duration 0). */
    static ReconnectPolicy none() {
        return attempt -> null;
    }

    /**
     * The same delay before every retry (Go's {@code SetReconnectDuration}); a zero delay means no
     * reconnect, as in Go.
     */
    static ReconnectPolicy fixed(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative: " + delay);
        }
        if (delay.isZero()) {
            return none();
        }
        return attempt -> delay;
    }

    /**
     * Exponential backoff: {@code initial * 2^(attempt-1)}, capped at {@code max}, then reduced by a
     * random fraction of up to {@code jitter} (0 = none, 0.5 = up to half) so that many clients do
     * not retry in step.
     */
    static ReconnectPolicy exponential(Duration initial, Duration max, double jitter) {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("need 0 < initial <= max: " + initial + ", " + max);
        }
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("jitter must be within [0, 1]: " + jitter);
        }
        long initialNanos = initial.toNanos();
        long maxNanos = max.toNanos();
        return attempt -> {
            int shift = Math.min(Math.max(attempt - 1, 0), 62);
            long nanos = initialNanos > (maxNanos >> shift) ? maxNanos : Math.min(maxNanos, initialNanos << shift);
            if (jitter > 0) {
                nanos -= (long) (nanos * jitter * ThreadLocalRandom.current().nextDouble());
            }
            return Duration.ofNanos(nanos);
        };
    }

    /** This policy, but giving up after {@code maxAttempts} consecutive retries. */
    default ReconnectPolicy withMaxAttempts(int maxAttempts) {
        if (maxAttempts < 0) {
            throw new IllegalArgumentException("maxAttempts must be >= 0: " + maxAttempts);
        }
        ReconnectPolicy self = this;
        return attempt -> attempt > maxAttempts ? null : self.delayBeforeAttempt(attempt);
    }
}
