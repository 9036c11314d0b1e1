package io.cellnet.netty;

import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Captures what slf4j-simple (the test logger, which writes to the current {@code System.err})
 * logs while open, and still passes it on. Tests of one JVM run one at a time, so a capture sees
 * the lines of its own test (plus any stray line of a thread still ending from an earlier one).
 */
public final class LogCapture implements AutoCloseable {
    private final PrintStream original = System.err;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    public LogCapture() {
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
            }
        };
        System.setErr(new PrintStream(tee, true, StandardCharsets.UTF_8));
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
