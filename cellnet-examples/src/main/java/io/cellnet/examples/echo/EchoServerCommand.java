package io.cellnet.examples.echo;

import io.cellnet.EventQueue;
import io.cellnet.SessionAccepted;
import io.cellnet.SessionClosed;
import io.cellnet.examples.Args;
import io.cellnet.examples.Command;
import io.cellnet.examples.Console;
import io.cellnet.examples.EchoMessages.TestEchoAck;
import io.cellnet.examples.EchoMessages;
import io.cellnet.examples.Endpoint;
import io.cellnet.examples.Option;
import io.cellnet.examples.QueueKind;
import io.cellnet.examples.ServerOps;
import io.cellnet.examples.ServerRun;
import io.cellnet.examples.Transport;
import io.cellnet.examples.Usage;
import io.cellnet.proc.MessageDispatcher;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code echo-server}: Go's {@code examples/echo} server. Every {@code main.TestEchoACK} is answered
 * in kind with {@code ev.reply}: a plain message with the same message, an RPC request with an RPC
 * answer (same call id), a relay with a relay carrying the same passthrough values. The handler
 * runs on one event queue (the game-server model): a queue thread ({@code --queue thread}, the
 * default), the event loop of the connections ({@code --queue loop}), or the I/O threads
 * ({@code --queue none}, or its alias {@code --no-queue}).
 *
 * <p>Thread safety: runs on the command's thread; the handler runs on the queue (or the I/O
 * threads with {@code --queue none}).
 */
public final class EchoServerCommand {
    /** Go's {@code examples/echo} address. */
    public static final String DEFAULT_ADDRESS = "127.0.0.1:17701";
    private static final Logger log = LoggerFactory.getLogger(EchoServerCommand.class);
    private static final Option ADDRESS = Option.of("address", "HOST:PORT", DEFAULT_ADDRESS,
            "where to listen, port 0 for any free port; the default is Go's examples/echo's");
    private static final Usage USAGE = Usage.of("echo-server", "echoes main.TestEchoACK (plain, RPC, relay) until SIGTERM",
            "prints LISTENING HOST:PORT once bound (and METRICS URL with --metrics), then after SIGTERM "
                    + "DRAINING/DRAINED left=N closed=M (with --drain) and STOPPED echoed=N (exit 0)",
            ADDRESS, EchoMessages.CODEC, QueueKind.OPTION, QueueKind.NO_QUEUE, Transport.OPTION, ServerOps.METRICS,
            ServerOps.DRAIN);

    /** The command. */
    public static final Command COMMAND = new Command(USAGE, EchoServerCommand::run);

    private EchoServerCommand() {
    }

    private static int run(Args args, Console console) throws InterruptedException {
        EchoPeer peer = EchoPeer.from(args, ADDRESS);
        ServerOps ops = ServerOps.of(args);
        EventQueue queue = QueueKind.create(QueueKind.of(args), "echo-server");
        LongAdder echoed = new LongAdder();
        MessageDispatcher handler = new MessageDispatcher(peer.registry())
                .on(SessionAccepted.class, (ev, m) -> log.info("session {} accepted from {}", ev.session().id(),
                        ev.session().remoteAddress()))
                .on(TestEchoAck.class, (ev, m) -> {
                    ev.reply(m);          // plain: send; RPC: answer the call; relay: relay back, same passthrough
                    echoed.increment();
                })
                .on(SessionClosed.class, (ev, m) -> log.info("session {} closed ({})", ev.session().id(),
                        m.describe()));
        Endpoint.Server server = peer.transport().acceptor(new Endpoint("echo-server", peer.address(), queue,
                peer.registry(), handler));
        return ServerRun.serve(console, queue, List.of(server), ops, List.of(),
                () -> "STOPPED echoed=" + echoed.sum());
    }
}
