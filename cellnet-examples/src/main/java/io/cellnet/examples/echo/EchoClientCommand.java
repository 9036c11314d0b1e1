package io.cellnet.examples.echo;

import io.cellnet.MessageRegistry;
import io.cellnet.Session;
import io.cellnet.SessionClosed;
import io.cellnet.examples.Args;
import io.cellnet.examples.ClientRun;
import io.cellnet.examples.Command;
import io.cellnet.examples.Console;
import io.cellnet.examples.EchoMessages.TestEchoAck;
import io.cellnet.examples.EchoMessages;
import io.cellnet.examples.Transport;
import io.cellnet.proc.MessageDispatcher;
import java.time.Duration;

/**
 * {@code echo-client}: N ping-pongs of {@code main.TestEchoACK} with an echo server (this jar's
 * {@code echo-server} or Go's {@code examples/echo}), one message in flight, each echo checked for
 * content and order. Prints {@code OK mode=M n=N elapsed_ms=T msgs_per_s=R}, or
 * {@code FAIL: reason} and exits 1.
 *
 * <p>Thread safety: runs on the command's thread, which drives the exchange; events arrive on the
 * client's queue and are handed over through an {@link Inbox}.
 */
public final class EchoClientCommand implements Command {

    @Override
    public String name() {
        return "echo-client";
    }

    @Override
    public String summary() {
        return "N checked ping-pongs with an echo server: plain, rpc-sync, rpc-async or relay";
    }

    @Override
    public String usage() {
        return """
                echo-client [--address HOST:PORT] [--codec json|binary] [--count N] [--mode plain|rpc-sync|rpc-async|relay]
                            [--timeout-ms MS] [--transport tcp|udp|ws]
                  --address     the echo server (default 127.0.0.1:17701, Go's examples/echo)
                  --codec       codec of main.TestEchoACK, id 4673 (default binary); must match the server's
                  --count       messages, one in flight at a time (default 10)
                  --mode        plain: send/receive; rpc-sync: Rpc.callSync; rpc-async: Rpc.call with a callback;
                                relay: Relay.relay with passthrough values (default plain)
                  --timeout-ms  longest wait for the connection and for each reply (default 5000)
                  --transport   tcp (default), udp or ws; must match the server's
                prints OK mode=M n=N elapsed_ms=T msgs_per_s=R (exit 0), or FAIL: reason (exit 1)""";
    }

    @Override
    public int run(Args args, Console console) throws Exception {
        Transport transport = Transport.from(args);
        String address = transport.checkAddress(args.get("address", EchoServerCommand.DEFAULT_ADDRESS));
        MessageRegistry registry = EchoMessages.registry(args.choice("codec", "binary", "json", "binary"));
        int count = args.getPositiveInt("count", 10);
        EchoMode mode = EchoMode.parse(args.choice("mode", "plain", "plain", "rpc-sync", "rpc-async", "relay"));
        Duration timeout = Duration.ofMillis(args.getPositiveInt("timeout-ms", 5000));
        args.checkAllUsed();

        Inbox inbox = new Inbox();
        MessageDispatcher handler = new MessageDispatcher(registry)
                .on(SessionClosed.class, (ev, m) -> inbox.onEvent(ev))
                .on(TestEchoAck.class, (ev, m) -> inbox.onEvent(ev));
        return ClientRun.connect(console, transport, "echo-client", address, registry, handler, timeout, session -> {
            try {
                long elapsed = exchange(session, mode, count, inbox, timeout);
                console.out().printf("OK mode=%s n=%d elapsed_ms=%d msgs_per_s=%d%n", mode.cliName(), count,
                        elapsed / 1_000_000, Math.round(count * 1e9 / Math.max(elapsed, 1)));
                return 0;
            } catch (EchoFailure e) {
                console.out().println("FAIL: " + e.getMessage());
                return 1;
            }
        });
    }

    /** Runs the ping-pongs; returns the elapsed nanoseconds. */
    private static long exchange(Session session, EchoMode mode, int count, Inbox inbox, Duration timeout)
            throws EchoFailure, InterruptedException {
        long start = System.nanoTime();
        for (int i = 1; i <= count; i++) {
            TestEchoAck request = new TestEchoAck("hello " + i, i);
            TestEchoAck echo = mode.exchange(session, request, inbox, timeout);
            if (!echo.equals(request)) {
                throw new EchoFailure("reply " + i + " differs: sent " + request + ", got " + echo);
            }
        }
        return System.nanoTime() - start;
    }
}
