package io.cellnet.netty;

import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * Captures what slf4j-simple (the test logger, which writes to the current {@code System.err})
 * logs while open, and still passes it on. Tests of one JVM run one at a time, so a capture sees
 * the lines of its own test (plus any stray line of a thread still ending from an earlier one).
 * {@link #holding} also holds the thread that logs a given line, to stop it at that point.
 */
public final class LogCapture implements AutoCloseable {
    private final PrintStream original = System.err;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private final @Nullable Hold hold;
    private final String[] holdParts;
    private final AtomicBoolean held = new AtomicBoolean();

    public LogCapture() {
        this(null);
    }

    private LogCapture(@Nullable Hold hold, String... holdParts) {
        this.hold = hold;
        this.holdParts = holdParts;
        OutputStream tee = new OutputStream() {
            @Override
            public void write(int b) {
                original.write(b);
                captured.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                original.write(b, off, len);
                captured.write(b, off, len);
                holdIfMatching(new String(b, off, len, StandardCharsets.UTF_8));
            }
        };
        System.setErr(new PrintStream(tee, true, StandardCharsets.UTF_8));
    }

    /**
     * A capture that holds (with {@code hold}) the first thread to log a line containing every one
     * of {@code parts}, right after the line is written. The thread holds {@code System.err} while
     * held: the test thread must not log until it releases.
     */
    public static LogCapture holding(Hold hold, String... parts) {
        return new LogCapture(hold, parts);
    }

    private void holdIfMatching(String text) {
        if (hold != null && Arrays.stream(holdParts).allMatch(text::contains) && held.compareAndSet(false, true)) {
            hold.block();
        }
    }

    /** The captured lines that contain every one of {@code parts}. */
    public List<String> lines(String... parts) {
        return captured.toString(StandardCharsets.UTF_8).lines()
                .filter(line -> Arrays.stream(parts).allMatch(line::contains)).toList();
    }

    /** Waits (bounded) for a line containing every one of {@code parts} and returns it. */
    public String awaitLine(String... parts) {
        await("a log line with " + Arrays.toString(parts)).atMost(NetFixtures.WAIT).until(() -> !lines(parts).isEmpty());
        return lines(parts).get(0);
    }

    @Override
    public void close() {
        System.setErr(original);
    }
}
