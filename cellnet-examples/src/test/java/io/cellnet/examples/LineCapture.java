package io.cellnet.examples;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Collects the lines a program prints and lets a test wait, bounded, for a line it expects.
 * Thread-safe: written by the program's threads, read by the test's.
 */
final class LineCapture extends OutputStream {
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private final List<String> lines = new ArrayList<>();
    private final PrintStream stream = new PrintStream(this, true, StandardCharsets.UTF_8);

    /** A print stream writing here (autoflush). */
    PrintStream stream() {
        return stream;
    }

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            lines.add(partial.toString(StandardCharsets.UTF_8).replace("\r", ""));
            partial.reset();
            notifyAll();
        } else {
            partial.write(b);
        }
    }

    /** Every complete line so far. */
    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** Every line so far, one per line, for assertion messages. */
    String text() {
        return String.join("\n", lines());
    }

    /** The first line matching {@code p}, waiting at most {@code timeout}; fails with every line seen. */
    synchronized String await(Predicate<String> p, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (;;) {
            for (String line : lines) {
                if (p.test(line)) {
                    return line;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no matching line within " + timeout.toMillis() + " ms; got:\n"
                        + String.join("\n", lines));
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    /** The first line equal to {@code line}, waiting at most {@code timeout}. */
    String await(String line, Duration timeout) throws InterruptedException {
        return await(line::equals, timeout);
    }
}
