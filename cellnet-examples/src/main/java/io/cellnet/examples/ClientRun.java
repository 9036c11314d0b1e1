package io.cellnet.examples;

import io.cellnet.EventQueue;
import io.cellnet.MessageRegistry;
import io.cellnet.Session;
import io.cellnet.SessionClosed;
import io.cellnet.SessionConnectError;
import io.cellnet.SessionConnected;
import io.cellnet.proc.MessageDispatcher;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The life of an example client, shared by every client command: a queue of its own, a connector
 * that does not reconnect, a bounded wait for the connection ({@code FAIL: cannot connect ...}
 * otherwise), the command's work on the connected session, then a graceful stop.
 *
 * <p>Thread safety: {@link #connect} runs on the command's thread; the handlers run on the
 * client's queue.
 */
public final class ClientRun {
    /** The {@code --timeout-ms} option of the clients. */
    public static final Option TIMEOUT = Option.of("timeout-ms", "MS", "5000",
            "longest wait for the connection and for each reply");

    private ClientRun() {
    }

    /** The {@link #TIMEOUT} option's value. */
    public static Duration timeout(Args args) {
        return Duration.ofMillis(args.getPositiveInt(TIMEOUT));
    }

    /**
     * What a client does once connected.
     *
     * <p>Thread safety: runs on the command's thread.
     */
    @FunctionalInterface
    public interface Work {

        /** Works on the connected {@code session}; returns the exit code. */
        int run(Session session) throws Exception;
    }

    /**
     * Connects to {@code address} with {@code handler} (to which the connection watch is added), runs
     * {@code work}, and stops.
     *
     * @return {@code work}'s exit code, or 1 after {@code FAIL: reason} when not connected in time
     */
    public static int connect(Console console, Transport transport, String name, String address,
            MessageRegistry registry, MessageDispatcher handler, Duration timeout, Work work) throws Exception {
        CompletableFuture<String> connected = new CompletableFuture<>();
        handler.on(SessionConnected.class, (ev, m) -> connected.complete(""))
                .on(SessionConnectError.class, (ev, m) -> connected.complete("cannot connect to " + address + ": "
                        + m.cause()))
                .on(SessionClosed.class, (ev, m) -> connected.complete("connection to " + address + " closed"));
        try (EventQueue queue = EventQueue.create(name).startLoop()) {
            Endpoint.Client client = transport.connector(new Endpoint(name, address, queue, registry, handler));
            try {
                client.peer().start();
                String failure = await(connected, address, timeout);
                if (!failure.isEmpty()) {
                    console.out().println("FAIL: " + failure);
                    return 1;
                }
                return work.run(client.session().get());
            } finally {
                client.peer().close();
            }
        }
    }

    private static String await(CompletableFuture<String> connected, String address, Duration timeout)
            throws InterruptedException {
        try {
            return connected.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return "not connected to " + address + " within " + timeout.toMillis() + " ms";
        } catch (ExecutionException e) {
            return String.valueOf(e.getCause());
        }
    }
}
