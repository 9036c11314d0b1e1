package io.cellnet.internal;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * Writes a warning at most once per interval <em>per cause</em> and counts what it suppressed in
 * between, so that a flood (a connection storm, a full queue) costs one line per interval while a
 * second, different failure still gets its own line at once.
 *
 * <p>The cause of a line is its format plus what its arguments say about the failure: the class
 * and message of a {@link Throwable}, the text of a {@link String} (a message class name, a codec's
 * message, a peer name) and the name of an {@link Enum} (a {@code SendResult}); runs of digits are
 * ignored, and so are other arguments (session ids, sizes, addresses), so that the same failure on
 * another session is the same cause. At most {@value #MAX_CAUSES} causes are told apart; further
 * ones share one limit.
 *
 * <p>Thread safety: safe for use from any thread.
 */
public final class RateLimitedLog {
    /** How many causes one log tells apart. */
    public static final int MAX_CAUSES = 64;
    private static final int MAX_KEY_PART = 200;

    private final Logger logger;
    private final long intervalNanos;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
    private final Window others = new Window();

    /** A limiter writing to {@code logger} at most once per {@code interval} of {@code unit} and cause. */
    public RateLimitedLog(Logger logger, long interval, TimeUnit unit) {
        this.logger = logger;
        this.intervalNanos = unit.toNanos(interval);
    }

    /** Logs {@code format} at WARN unless a line of the same cause was written less than an interval ago. */
    public void warn(String format, Object... args) {
        Window w = window(format, args);
        if (w.acquire(intervalNanos)) {
            long n = w.suppressed.getAndSet(0);
            logger.warn(n == 0 ? format : format + " (" + n + " similar messages suppressed)", args);
        } else {
            w.suppressed.incrementAndGet();
        }
    }

    /** Logs {@code format} at DEBUG unless a line of the same cause was written less than an interval ago. */
    public void debug(String format, Object... args) {
        if (!logger.isDebugEnabled()) {
            return;
        }
        Window w = window(format, args);
        if (w.acquire(intervalNanos)) {
            long n = w.suppressed.getAndSet(0);
            logger.debug(n == 0 ? format : format + " (" + n + " similar messages suppressed)", args);
        } else {
            w.suppressed.incrementAndGet();
        }
    }

    /** The number of lines suppressed since the last one written, of every cause. */
    public long suppressed() {
        long n = others.suppressed.get();
        for (Window w : windows.values()) {
            n += w.suppressed.get();
        }
        return n;
    }

    private Window window(String format, Object[] args) {
        String key = causeOf(format, args);
        Window w = windows.get(key);
        if (w != null) {
            return w;
        }
        if (windows.size() >= MAX_CAUSES) {
            return others;
        }
        return windows.computeIfAbsent(key, k -> new Window());
    }

    /** The cause of a line; see the class documentation. */
    static String causeOf(String format, Object[] args) {
        StringBuilder key = new StringBuilder(format);
        for (Object arg : args) {
            if (arg instanceof Throwable t) {
                key.append('|').append(t.getClass().getName()).append(':');
                appendWithoutDigits(key, String.valueOf(t.getMessage()));
            } else if (arg instanceof String s) {
                key.append('|');
                appendWithoutDigits(key, s);
            } else if (arg instanceof Enum<?> e) {
                key.append('|').append(e.name());
            }
        }
        return key.toString();
    }

    private static void appendWithoutDigits(StringBuilder key, String text) {
        int end = Math.min(text.length(), MAX_KEY_PART);
        boolean inDigits = false;
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            boolean digit = c >= '0' && c <= '9';
            if (!digit) {
                key.append(c);
            } else if (!inDigits) {
                key.append('#');
            }
            inDigits = digit;
        }
    }

    /** The interval and the suppressed count of one cause. */
    private static final class Window {
        private final AtomicLong nextAllowed = new AtomicLong(Long.MIN_VALUE);
        private final AtomicLong suppressed = new AtomicLong();

        boolean acquire(long intervalNanos) {
            long now = System.nanoTime();
            long next = nextAllowed.get();
            return (next == Long.MIN_VALUE || now - next >= 0) && nextAllowed.compareAndSet(next, now + intervalNanos);
        }
    }
}
