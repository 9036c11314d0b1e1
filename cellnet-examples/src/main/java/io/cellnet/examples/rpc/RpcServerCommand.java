package io.cellnet.examples.rpc;

import io.cellnet.EventQueue;
import io.cellnet.MessageRegistry;
import io.cellnet.examples.Args;
import io.cellnet.examples.Command;
import io.cellnet.examples.Console;
import io.cellnet.examples.Endpoint;
import io.cellnet.examples.Option;
import io.cellnet.examples.ServerOps;
import io.cellnet.examples.ServerRun;
import io.cellnet.examples.Transport;
import io.cellnet.examples.Usage;
import io.cellnet.examples.rpc.RpcMessages.AddACK;
import io.cellnet.examples.rpc.RpcMessages.AddREQ;
import io.cellnet.proc.MessageDispatcher;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code rpc-server}: answers {@code main.AddREQ} calls with {@code main.AddACK}. The handler sees
 * the inner request of the RPC envelope and answers with {@code ev.reply(..)}, which sends the
 * {@code RemoteCallACK} with the caller's call id (Go's {@code rpc.RecvMsgEvent.Reply}).
 *
 * <p>Thread safety: runs on the command's thread; the handler runs on the queue.
 */
public final class RpcServerCommand {
    /** The default address. */
    public static final String DEFAULT_ADDRESS = "127.0.0.1:17801";
    private static final Option ADDRESS = Option.of("address", "HOST:PORT", DEFAULT_ADDRESS,
            "where to listen, port 0 for any free port");
    private static final Usage USAGE = Usage.of("rpc-server", "answers main.AddREQ RPC calls until SIGTERM",
            "prints LISTENING HOST:PORT, then STOPPED calls=N after SIGTERM (exit 0); --metrics adds METRICS URL, "
                    + "--drain the DRAINING/DRAINED lines", ADDRESS, RpcMessages.CODEC, ServerOps.METRICS, ServerOps.DRAIN);

    /** The command. */
    public static final Command COMMAND = new Command(USAGE, RpcServerCommand::run);

    private RpcServerCommand() {
    }

    private static int run(Args args, Console console) throws InterruptedException {
        ServerOps ops = ServerOps.of(args);
        String address = args.get(ADDRESS, Transport.TCP::checkAddress);
        MessageRegistry registry = RpcMessages.registry(args.choice(RpcMessages.CODEC));
        EventQueue queue = EventQueue.create("rpc-server").startLoop();
        AtomicLong calls = new AtomicLong();
        MessageDispatcher handler = new MessageDispatcher(registry)
                .on(AddREQ.class, (ev, req) -> {
                    calls.incrementAndGet();
                    ev.reply(new AddACK(req.A() + req.B()));
                });
        Endpoint.Server server = Transport.TCP.acceptor(new Endpoint("rpc-server", address, queue, registry, handler));
        return ServerRun.serve(console, queue, List.of(server), ops, List.of(),
                () -> "STOPPED calls=" + calls.get());
    }
}
