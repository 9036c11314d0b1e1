package io.cellnet.internal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * Writes a warning at most once per interval and counts what it suppressed in between, so that a
 * flood (a connection storm, a full queue) costs one line per interval.
 *
 * <p>Thread safety: safe for use from any thread.
 */
public final class RateLimitedLog {
    private final Logger logger;
    private final long intervalNanos;
    private final AtomicLong nextAllowed = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong suppressed = new AtomicLong();

    /** A limiter writing to {@code logger} at most once per {@code interval} of {@code unit}. */
    public RateLimitedLog(Logger logger, long interval, TimeUnit unit) {
        this.logger = logger;
        this.intervalNanos = unit.toNanos(interval);
    }

    /** Logs {@code format} at WARN unless a line was written less than an interval ago. */
    public void warn(String format, Object... args) {
        if (acquire()) {
            long n = suppressed.getAndSet(0);
            logger.warn(n == 0 ? format : format + " (" + n + " similar messages suppressed)", args);
        } else {
            suppressed.incrementAndGet();
        }
    }

    /** Logs {@code format} at DEBUG unless a line was written less than an interval ago. */
    public void debug(String format, Object... args) {
        if (!logger.isDebugEnabled()) {
            return;
        }
        if (acquire()) {
            long n = suppressed.getAndSet(0);
            logger.debug(n == 0 ? format : format + " (" + n + " similar messages suppressed)", args);
        } else {
            suppressed.incrementAndGet();
        }
    }

    /** The number of lines suppressed since the last one written. */
    public long suppressed() {
        return suppressed.get();
    }

    private boolean acquire() {
        long now = System.nanoTime();
        long next = nextAllowed.get();
        return (next == Long.MIN_VALUE || now - next >= 0) && nextAllowed.compareAndSet(next, now + intervalNanos);
    }
}
