package io.cellnet.examples;

import io.cellnet.DrainResult;
import io.cellnet.TcpAcceptor;
import io.cellnet.EventQueue;
import io.cellnet.examples.metrics.MetricsEndpoint;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The life of an example server, shared by every server command: start the acceptors, print
 * {@code LISTENING HOST:PORT} for each (the bound port), open the metrics endpoint when asked
 * ({@code METRICS URL}), run until the stop signal (SIGTERM, or {@link Console#requestStop()} in
 * tests), drain when asked ({@code /health} turns 503, the acceptors stop listening, the sessions
 * get the drain time to leave, then close; {@code DRAINED left=N closed=M}), then stop the acceptors
 * (every session closes, every {@code SessionClosed} is handled), close the queue and print a last
 * line. {@link #untilStopped} is the part after listening, for the servers that start their peers their
 * own way.
 *
 * <p>Thread safety: {@link #serve} and {@link #untilStopped} run on the command's thread.
 */
public final class ServerRun {
    private ServerRun() {
    }

    /**
     * Serves until stopped.
     *
     * @param lastLine the line printed after the stop, such as {@code STOPPED echoed=42}
     * @return 0 after a clean stop, 1 when an acceptor could not start
     */
    public static int serve(Console console, EventQueue queue, List<Endpoint.Server> servers,
            Supplier<String> lastLine) throws InterruptedException {
        return serve(console, queue, servers, ServerOps.NONE, List.of(), lastLine);
    }

    /** {@link #serve(Console, EventQueue, List, Supplier)} that also prints {@code moreLines} once listening. */
    public static int serve(Console console, EventQueue queue, List<Endpoint.Server> servers, List<String> moreLines,
            Supplier<String> lastLine) throws InterruptedException {
        return serve(console, queue, servers, ServerOps.NONE, moreLines, lastLine);
    }

    /** {@link #serve(Console, EventQueue, List, List, Supplier)} with the metrics endpoint and drain of {@code ops}. */
    public static int serve(Console console, EventQueue queue, List<Endpoint.Server> servers, ServerOps ops,
            List<String> moreLines, Supplier<String> lastLine) throws InterruptedException {
        try {
            List<String> listening = new ArrayList<>();
            List<Drainable> drains = new ArrayList<>();
            for (Endpoint.Server s : servers) {
                try {
                    s.peer().start().join();
                } catch (CompletionException e) {
                    console.out().println("FAIL: cannot listen on " + s.peer().address() + ": " + e.getCause());
                    return 1;
                }
                listening.add("LISTENING " + s.boundAddress());
                TcpAcceptor acceptor = s.peer().as(TcpAcceptor.class);
                if (acceptor != null) {
                    drains.add(acceptor::drain);
                }
            }
            if (untilStopped(console, ops, listening, moreLines, drains) != 0) {
                return 1;
            }
        } finally {
            servers.forEach(s -> s.peer().close());
            queue.close();
        }
        console.out().println(lastLine.get());
        return 0;
    }

    /**
     * What a server does once it listens, for the servers that start their peers their own way (a
     * gateway, a registered game instance) and for {@link #serve}: opens the metrics endpoint of
     * {@code ops} when asked, prints {@code listening}, {@code METRICS URL} and {@code moreLines},
     * runs until the stop signal, drains {@code drains} when {@code ops} asks for it (see
     * {@link #drain}), then closes the endpoint. The caller stops its peers afterwards.
     *
     * @param listening the lines saying where it listens, such as {@code LISTENING HOST:PORT}
     * @param moreLines printed after the {@code METRICS} line
     * @param drains    what is drained at once on the stop signal (an acceptor's or a gateway's {@code drain})
     * @return 0 after the stop (and the drain), 1 when the metrics endpoint could not start
     */
    public static int untilStopped(Console console, ServerOps ops, List<String> listening, List<String> moreLines,
            List<Drainable> drains) throws InterruptedException {
        @Nullable MetricsEndpoint metrics;
        try {
            metrics = ops.startMetrics();
        } catch (IOException e) {
            console.out().println("FAIL: " + e.getMessage());
            return 1;
        }
        try {
            console.allowStopTime(ops.drain());
            console.trapStopSignal();
            listening.forEach(console.out()::println);
            if (metrics != null) {
                console.out().println("METRICS " + metrics.url());
            }
            moreLines.forEach(console.out()::println);
            console.awaitStop();
            if (ops.drains()) {
                drain(console, ops, metrics, drains);
            }
        } finally {
            if (metrics != null) {
                metrics.close();
            }
        }
        return 0;
    }

    /**
     * Drains everything in {@code drains} at once for at most {@code ops.drain()}, each session told
     * by {@code ops.drainHook()}: {@code /health} turns 503 first, {@code DRAINING deadline=Ns} is
     * printed when it starts and {@code DRAINED left=N closed=M} (the counts summed) when every
     * session is gone; the wait is bounded by the deadline plus the close timeout.
     */
    private static void drain(Console console, ServerOps ops, @Nullable MetricsEndpoint metrics, List<Drainable> drains)
            throws InterruptedException {
        if (metrics != null) {
            metrics.markDraining();
        }
        console.out().println("DRAINING deadline=" + ops.drain().toSeconds() + "s");
        console.out().flush();
        List<CompletableFuture<DrainResult>> started = new ArrayList<>();
        for (Drainable d : drains) {
            started.add(d.drain(ops.drain(), ops.drainHook()).toCompletableFuture());
        }
        int left = 0;
        int closed = 0;
        // the deadline, then the close timeout for what is still being written, then some slack
        long bound = ops.drain().plus(Duration.ofSeconds(15)).toMillis();
        for (CompletableFuture<DrainResult> d : started) {
            try {
                DrainResult r = d.get(bound, TimeUnit.MILLISECONDS);
                left += r.left();
                closed += r.closed();
            } catch (ExecutionException | TimeoutException e) {
                console.out().println("DRAIN FAILED: " + e);
            }
        }
        console.out().println("DRAINED left=" + left + " closed=" + closed);
    }
}
