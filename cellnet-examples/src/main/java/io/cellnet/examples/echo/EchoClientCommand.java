package io.cellnet.examples.echo;

import io.cellnet.Session;
import io.cellnet.SessionClosed;
import io.cellnet.examples.Args;
import io.cellnet.examples.ClientRun;
import io.cellnet.examples.Command;
import io.cellnet.examples.Console;
import io.cellnet.examples.EchoMessages.TestEchoAck;
import io.cellnet.examples.EchoMessages;
import io.cellnet.examples.Option;
import io.cellnet.examples.Transport;
import io.cellnet.examples.Usage;
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
public final class EchoClientCommand {
    private static final Option ADDRESS = Option.of("address", "HOST:PORT", EchoServerCommand.DEFAULT_ADDRESS,
            "the echo server; the default is Go's examples/echo's");
    private static final Option COUNT = Option.of("count", "N", "10", "messages, one in flight at a time");
    private static final Option MODE = Option.of("mode", "plain|rpc-sync|rpc-async|relay", "plain",
            "plain: send/receive; rpc-sync: Rpc.callSync; rpc-async: Rpc.call with a callback;"
                    + " relay: Relay.relay with passthrough values");
    private static final Usage USAGE = Usage.of("echo-client",
            "N checked ping-pongs with an echo server: plain, rpc-sync, rpc-async or relay",
            "prints OK mode=M n=N elapsed_ms=T msgs_per_s=R (exit 0), or FAIL: reason (exit 1)",
            ADDRESS, EchoMessages.CODEC, COUNT, MODE, ClientRun.TIMEOUT, Transport.OPTION);

    /** The command. */
    public static final Command COMMAND = new Command(USAGE, EchoClientCommand::run);

    private EchoClientCommand() {
    }

    private static int run(Args args, Console console) throws Exception {
        EchoPeer peer = EchoPeer.from(args, ADDRESS);
        int count = args.getPositiveInt(COUNT);
        EchoMode mode = EchoMode.parse(args.choice(MODE));
        Duration timeout = ClientRun.timeout(args);

        Inbox inbox = new Inbox();
        MessageDispatcher handler = new MessageDispatcher(peer.registry())
                .on(SessionClosed.class, (ev, m) -> inbox.onEvent(ev))
                .on(TestEchoAck.class, (ev, m) -> inbox.onEvent(ev));
        return ClientRun.connect(console, peer.transport(), "echo-client", peer.address(), peer.registry(), handler, timeout, session -> {
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
