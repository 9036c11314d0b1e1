package io.cellnet.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One example command run in this JVM on its own thread, with captured output and typed input;
 * {@link #stop()} is its SIGTERM. {@link #close()} ends it if the test did not.
 */
final class InProcess implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(20);

    final LineCapture out = new LineCapture();
    final LineCapture err = new LineCapture();
    final LineInput in = new LineInput();
    private final Console console = Console.of(in, out.stream(), err.stream());
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();
    private final Thread thread;

    private InProcess(String... args) {
        thread = new Thread(() -> {
            try {
                exit.complete(Main.run(console, args));
            } catch (Throwable t) {
                exit.completeExceptionally(t);
            }
        }, "example-" + args[0]);
        thread.start();
    }

    /** Starts {@code args} (the command and its options). */
    static InProcess start(String... args) {
        return new InProcess(args);
    }

    /** Runs {@code args} to the end; returns the finished run. */
    static InProcess run(String... args) throws Exception {
        InProcess p = new InProcess(args);
        p.exitCode();
        return p;
    }

    /** Waits for the bound address a server prints ({@code LISTENING HOST:PORT}). */
    String listening() throws InterruptedException {
        return out.await(l -> l.startsWith("LISTENING "), WAIT).substring("LISTENING ".length());
    }

    /** The exit code, waiting at most {@link #WAIT}. */
    int exitCode() throws Exception {
        try {
            return exit.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("still running after " + WAIT.toSeconds() + " s; output:\n" + out.text(), e);
        }
    }

    /** Asserts the exit code, showing the output on failure. */
    InProcess assertExit(int expected) throws Exception {
        assertEquals(expected, exitCode(), () -> "output:\n" + out.text() + "\nerrors:\n" + err.text());
        return this;
    }

    /** Requests the stop, as SIGTERM does. */
    void stop() {
        console.requestStop();
    }

    @Override
    public void close() {
        console.requestStop();
        in.end();
        try {
            thread.join(WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
