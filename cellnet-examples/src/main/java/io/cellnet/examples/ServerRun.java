package io.cellnet.examples;

import io.cellnet.EventQueue;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * The life of an example server, shared by every server command: start the acceptors, print
 * {@code LISTENING HOST:PORT} for each (the bound port), run until the stop signal (SIGTERM, or
 * {@link Console#requestStop()} in tests), then stop the acceptors (every session closes, every
 * {@code SessionClosed} is handled), close the queue and print a last line.
 *
 * <p>Thread safety: {@link #serve} runs on the command's thread.
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
        return serve(console, queue, servers, List.of(), lastLine);
    }

    /** {@link #serve(Console, EventQueue, List, Supplier)} that also prints {@code moreLines} once listening. */
    public static int serve(Console console, EventQueue queue, List<Endpoint.Server> servers, List<String> moreLines,
            Supplier<String> lastLine) throws InterruptedException {
        try {
            for (Endpoint.Server s : servers) {
                try {
                    s.peer().start().join();
                } catch (CompletionException e) {
                    console.out().println("FAIL: cannot listen on " + s.peer().address() + ": " + e.getCause());
                    return 1;
                }
            }
            console.trapStopSignal();
            for (Endpoint.Server s : servers) {
                console.out().println("LISTENING " + s.boundAddress());
            }
            moreLines.forEach(console.out()::println);
            console.awaitStop();
        } finally {
            servers.forEach(s -> s.peer().close());
            queue.close();
        }
        console.out().println(lastLine.get());
        return 0;
    }
}
