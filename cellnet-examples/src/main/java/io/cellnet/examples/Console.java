package io.cellnet.examples;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Where a command reads its input, prints its result lines, and learns that it should stop.
 *
 * <p>{@link #system()} is the process's stdin/stdout/stderr; its stop signal is SIGTERM or SIGINT,
 * trapped by a shutdown hook once a server calls {@link #trapStopSignal()}. The hook lets the
 * command shut down, then ends the process with the command's exit code (0 for a clean stop)
 * instead of the JVM's 143. {@link #of} is for running commands inside a test, which stops them
 * with {@link #requestStop()}.
 *
 * <p>Thread safety: every method may be called from any thread.
 */
public final class Console {
    private static final long HOOK_WAIT_SECONDS = 20;

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean system;
    private final CompletableFuture<Void> stop = new CompletableFuture<>();
    private final AtomicBoolean trapped = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile int exitCode;
    private volatile long hookWaitSeconds = HOOK_WAIT_SECONDS;

    private Console(InputStream in, PrintStream out, PrintStream err, boolean system) {
        this.in = Objects.requireNonNull(in, "in");
        this.out = Objects.requireNonNull(out, "out");
        this.err = Objects.requireNonNull(err, "err");
        this.system = system;
    }

    /** The process's standard streams; SIGTERM/SIGINT request the stop. */
    public static Console system() {
        return new Console(System.in, System.out, System.err, true);
    }

    /** Given streams; only {@link #requestStop()} requests the stop. */
    public static Console of(InputStream in, PrintStream out, PrintStream err) {
        return new Console(in, out, err, false);
    }

    /** Where the command reads its input (chat lines). */
    public InputStream in() {
        return in;
    }

    /** Where the command prints its result lines. */
    public PrintStream out() {
        return out;
    }

    /** Where the command prints usage errors. */
    public PrintStream err() {
        return err;
    }

    /**
     * From now on, SIGTERM/SIGINT request the stop (system console only) and the process exits with
     * the command's exit code once {@link #finished} is called. Call it before announcing that a
     * server is ready, so a signal right after the announcement is handled. Idempotent.
     */
    public void trapStopSignal() {
        if (system && trapped.compareAndSet(false, true)) {
            Runtime.getRuntime().addShutdownHook(new Thread(this::onSignal, "cellnet-examples-stop"));
        }
    }

    /**
     * Gives the stop {@code extra} more time (a drain) before a trapped signal gives up waiting for
     * the command and ends the process with exit code 1.
     */
    public void allowStopTime(java.time.Duration extra) {
        Objects.requireNonNull(extra, "extra");
        hookWaitSeconds = HOOK_WAIT_SECONDS + Math.max(0, extra.toSeconds());
    }

    /** Blocks until the stop is requested. */
    public void awaitStop() throws InterruptedException {
        trapStopSignal();
        try {
            stop.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Requests the stop: {@link #awaitStop()} returns. */
    public void requestStop() {
        stop.complete(null);
    }

    /** The command returned {@code code}; a trapped signal may now end the process with it. */
    public void finished(int code) {
        exitCode = code;
        out.flush();
        finished.countDown();
    }

    private void onSignal() {
        requestStop();
        try {
            long wait = hookWaitSeconds;
            if (!finished.await(wait, TimeUnit.SECONDS)) {
                err.println("did not stop within " + wait + " s");
                exitCode = 1;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        out.flush();
        err.flush();
        Runtime.getRuntime().halt(exitCode);
    }
}
